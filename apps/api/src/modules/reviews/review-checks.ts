import { AppError } from "../../lib/app-error.js";
import type { Tx } from "../../lib/context.js";

/** Attendees are active persons of the group's member departments. */
export async function checkAttendees(tx: Tx, memberDepartmentIds: string[], personIds: string[]) {
  const persons = await tx.person.findMany({
    where: { id: { in: personIds } },
    select: { id: true, name: true, departmentId: true, active: true },
  });
  personIds.forEach((id, i) => {
    const person = persons.find((p) => p.id === id);
    const path = `body.attendeePersonIds.${i}`;
    if (!person) throw AppError.invalid(path, "unknown_reference", "No such person");
    if (!memberDepartmentIds.includes(person.departmentId))
      throw AppError.invalid(
        path,
        "department_not_member",
        `${person.name}'s department is not a member of the group`,
        {
          name: person.name,
        },
      );
    if (!person.active)
      throw AppError.invalid(path, "inactive", `${person.name} is no longer active`, { name: person.name });
  });
  if (new Set(personIds).size !== personIds.length)
    throw AppError.invalid("body.attendeePersonIds", "duplicate", "Each attendee once");
}

export function checkHeldOn(heldOn: string, today: string) {
  if (heldOn > today)
    throw AppError.invalid("body.heldOn", "date_in_future", "A review is recorded once it has been held");
}
