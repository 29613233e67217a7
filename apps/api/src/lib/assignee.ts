import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "./app-error.js";

/**
 * 包项目到部门到人: the responsible department must exist, and a responsible person must be
 * an active member of it. `paths` names the request fields the errors point at. Returns
 * both, with their names (audit records show names).
 */
export async function resolveAssignee(
  tx: Prisma.TransactionClient,
  departmentId: string | null,
  personId: string | null,
  paths: { department: string; person: string },
) {
  const department = departmentId
    ? await tx.department.findUnique({ where: { id: departmentId }, select: { id: true, name: true } })
    : null;
  if (departmentId && !department) throw AppError.invalid(paths.department, "unknown_reference", "No such department");
  if (!personId) return { department, person: null };
  if (!department) throw AppError.invalid(paths.person, "department_required", "A person needs their department");
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { id: true, name: true, departmentId: true, active: true },
  });
  if (!person) throw AppError.invalid(paths.person, "unknown_reference", "No such person");
  if (person.departmentId !== department.id)
    throw AppError.invalid(
      paths.person,
      "person_other_department",
      `${person.name} does not belong to ${department.name}`,
      {
        name: person.name,
        department: department.name,
      },
    );
  if (!person.active)
    throw AppError.invalid(paths.person, "inactive", `${person.name} is no longer active`, { name: person.name });
  return { department, person };
}

/** The field names of milestone and item bodies. */
export const WORK_ASSIGNEE_PATHS = {
  department: "body.responsibleDepartmentId",
  person: "body.responsiblePersonId",
} as const;
