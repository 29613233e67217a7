import type { Department, Person } from "@resettle/domain";

/** The member departments with the lead among them, first: the server refuses a group without it. */
export function withLead(departmentIds: readonly string[], leadId: string | undefined): string[] {
  if (!leadId) return [...departmentIds];
  return departmentIds.includes(leadId) ? [...departmentIds] : [leadId, ...departmentIds];
}

/** The persons that still belong to a member department, after members were removed. */
export function personsOfMembers(
  personIds: readonly string[],
  departmentIds: readonly string[],
  departmentOf: (personId: string) => string | undefined,
): string[] {
  const members = new Set(departmentIds);
  return personIds.filter((id) => {
    const department = departmentOf(id);
    // Keep a person not found in the directory: the server names it if it is wrong.
    return department === undefined || members.has(department);
  });
}

type PersonOption = { value: string; label: string };

/**
 * The persons a group may take, grouped by member department in the members' order: the
 * active persons of each, plus any already chosen who have since been deactivated (shown, and
 * refused by the form, so they are removed: the server takes active persons only).
 */
export function personOptionGroups(
  departmentIds: readonly string[],
  departments: readonly Department[],
  persons: readonly Person[],
  chosen: ReadonlySet<string>,
  inactiveLabel: (name: string) => string,
) {
  return departmentIds.flatMap((departmentId) => {
    const department = departments.find((d) => d.id === departmentId);
    if (!department) return [];
    const options: PersonOption[] = persons
      .filter((p) => p.departmentId === departmentId && (p.active || chosen.has(p.id)))
      .map((p) => ({
        value: p.id,
        label: p.active ? (p.title ? `${p.name}（${p.title}）` : p.name) : inactiveLabel(p.name),
      }));
    return [{ label: department.name, title: department.name, options }];
  });
}
