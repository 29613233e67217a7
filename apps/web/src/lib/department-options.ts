import { DepartmentKindSchema, type Department, type DepartmentKind } from "@resettle/domain";

/** Department options grouped as the plan lists them: leading group, districts, then municipal departments. */
export function groupDepartmentOptions(departments: Department[], kindLabel: (kind: DepartmentKind) => string) {
  return DepartmentKindSchema.options
    .map((kind) => ({
      label: kindLabel(kind),
      title: kindLabel(kind),
      options: departments.filter((d) => d.kind === kind).map((d) => ({ value: d.id, label: d.name })),
    }))
    .filter((group) => group.options.length > 0);
}
