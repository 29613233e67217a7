import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";

/** A responsible person must be an active member of the responsible department. */
export async function checkAssignee(
  tx: Prisma.TransactionClient,
  departmentId: string | null,
  personId: string | null,
) {
  if (departmentId && !(await tx.department.count({ where: { id: departmentId } })))
    throw AppError.invalid("body.responsibleDepartmentId", "No such department");
  if (!personId) return;
  if (!departmentId) throw AppError.invalid("body.responsiblePersonId", "A person needs their department");
  const person = await tx.person.findUnique({ where: { id: personId }, select: { departmentId: true, active: true } });
  if (!person || person.departmentId !== departmentId || !person.active)
    throw AppError.invalid("body.responsiblePersonId", "The person is not an active member of that department");
}
