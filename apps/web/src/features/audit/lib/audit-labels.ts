import { WorkStatusSchema, type WorkStatus } from "@resettle/domain";

/** Actions the interface has words for; others are shown as the server names them. */
export const KNOWN_ACTIONS = [
  "create",
  "update",
  "delete",
  "activate",
  "deactivate",
  "assign_responsibility",
  "set_cooperators",
  "add_note",
  "login",
  "login_failed",
  "login_throttled",
  "logout",
  "change_password",
  "reset_password",
  "report_progress",
  "correct_progress",
  "problem_update",
  "project_reviewed",
  "sign",
  "lock",
  "addendum",
  "withdraw",
  "evidence_add",
  "evidence_withdraw",
  "transition",
  "reveal_id_number",
  "import_households",
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export const isKnownAction = (action: string): action is KnownAction =>
  (KNOWN_ACTIONS as readonly string[]).includes(action);

/** A milestone's or item's status change is recorded as `status_<new status>`. */
export function statusOfAction(action: string): WorkStatus | undefined {
  const parsed = WorkStatusSchema.safeParse(action.replace(/^status_/, ""));
  return action.startsWith("status_") && parsed.success ? parsed.data : undefined;
}

/** Record fields the interface has words for; others are shown by their name. */
const KNOWN_FIELDS = [
  "id",
  "username",
  "displayName",
  "role",
  "departmentId",
  "personId",
  "active",
  "lastLoginAt",
  "mustChangePassword",
  "failures",
  "scope",
  "waitSeconds",
  "userAgent",
  "code",
  "name",
  "shortName",
  "kind",
  "districtId",
  "title",
  "phone",
  "isDemo",
  "status",
  "reason",
  "responsibleDepartmentId",
  "responsiblePersonId",
  "responsibleDepartment",
  "responsiblePerson",
  "dueDate",
  "completedAt",
  "version",
  "ip",
  "project",
  "projectId",
  "movedBack",
  "households",
  "reportedOn",
  "note",
  "deadline",
  "problem",
  "cause",
  "measure",
  "blockedReason",
  "sortOrder",
  "problemCategory",
  "problemStatement",
  "causes",
  "description",
  "district",
  "projects",
  "projectsMarkedCommon",
  "heldOn",
  "group",
  "attendees",
  "findings",
  "decisions",
  "actions",
  "signatures",
  "signaturesWithdrawn",
  "department",
  "signedBy",
  "signedAt",
  "lockedAt",
  "text",
  "addendumId",
  "reviewId",
  "leadDepartment",
  "reviewIntervalDays",
  "departments",
  "cooperating",
  "lead",
  "persons",
  "withdrawn",
  "withReview",
  "itemsWithdrawn",
] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

export const isKnownField = (field: string): field is KnownField => (KNOWN_FIELDS as readonly string[]).includes(field);

/** Fields holding the id of a record the interface can name. */
export const DEPARTMENT_FIELDS = new Set(["departmentId", "responsibleDepartmentId"]);
export const PERSON_FIELDS = new Set(["personId", "responsiblePersonId"]);
export const DISTRICT_FIELDS = new Set(["districtId"]);
