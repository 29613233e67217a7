import type { Role, SessionUser } from "./auth.js";
import type { DepartmentKind } from "./department.js";

/**
 * What each role may do: the one table the server enforces and the UI reads to show or
 * hide controls. docs/permissions.md is the same matrix, route by route.
 */
export const CAPABILITIES = [
  /** read every project, figure, person and department */
  "read",
  /** create, edit and deactivate accounts; reset passwords */
  "accounts.manage",
  /** create and edit departments and persons */
  "organisation.manage",
  /** set the responsible department and person of projects and milestones */
  "responsibility.assign",
  /** read the audit trail */
  "audit.read",
  /** update the status of work a department is responsible for (its own only, for coordinators) */
  "work.update",
  /** verify (复核) or return completed work, and set which kinds of work need it (the office) */
  "work.verify",
  /** create and edit milestones and rectification items */
  "work.plan",
  /** report households moved back and keep the household registry (its own projects only, for coordinators) */
  "progress.report",
  /** read one household's full ID number, with a reason (audited) */
  "households.reveal",
  /** record a water, power or heating problem (水电暖问题) a household reports: anyone signed in */
  "tickets.record",
  /** set how long each kind of problem may take (the office) */
  "tickets.standards",
  /** record temporary-subsidy payments (临时安置补助费) of a project's households (its own projects only, for coordinators) */
  "subsidy.record",
  /** set a project's subsidy standard (the office) */
  "subsidy.standards",
  /** record working-group reviews and decisions; add addenda to their records */
  "reviews.record",
  /** sign a review record for one's own department (会签) */
  "reviews.sign",
  /** classify projects' problems (category, causes, statement) and keep the common problems */
  "problems.manage",
  /** edit the cause taxonomy */
  "causes.manage",
  /** form working groups: members, persons, projects, review interval */
  "groups.manage",
  /** issue 督办单, review their replies (复核, 销号), decide extensions, escalate (the office) */
  "notices.issue",
  /** sign for (签收), reply to and ask to extend the 督办单 sent to one's own department */
  "notices.answer",
  /** add a progress note (进展情况) to a 督办单: the office, and coordinators of its department or of one cooperating on it */
  "notices.note",
  /** run the alert rules by hand (the job runs them on its own too) */
  "alerts.run",
  /** revise the scoring rules of the performance evaluation (绩效考评), as a new version (the office) */
  "scoring.manage",
  /** import a work plan (工作方案: districts, floors, departments, projects, quotas) from a workbook (the office) */
  "plan.import",
  /** configure the channels alerts are sent through (企业微信, 钉钉, e-mail), read their delivery log, retry (the office) */
  "channels.manage",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  // The office answers for no department: signing reviews and answering notices are the departments' own.
  admin: CAPABILITIES.filter((c) => c !== "reviews.sign" && c !== "notices.answer"),
  coordinator: [
    "read",
    "work.update",
    "progress.report",
    "subsidy.record",
    "reviews.sign",
    "tickets.record",
    "notices.answer",
    "notices.note",
  ],
  working_group: ["read", "work.plan", "work.update", "reviews.record", "problems.manage", "tickets.record"],
  leader: ["read", "audit.read", "tickets.record"],
};

export function can(user: Pick<SessionUser, "role"> | null | undefined, capability: Capability): boolean {
  return !!user && ROLE_CAPABILITIES[user.role].includes(capability);
}

/**
 * Whether the user may change a record that these departments are responsible for:
 * everyone with the capability, except that a coordinator acts only for its own department.
 */
export function canActFor(
  user: Pick<SessionUser, "role" | "departmentId"> | null | undefined,
  capability: Capability,
  responsibleDepartmentIds: readonly (string | null | undefined)[],
): boolean {
  if (!can(user, capability)) return false;
  if (user!.role !== "coordinator") return true;
  return !!user!.departmentId && responsibleDepartmentIds.includes(user!.departmentId);
}

/**
 * The departments that report households moved back for a project: its responsible
 * department, and the government of its district (属地责任). Server and web ask this one rule.
 */
export function progressReporterIds(
  project: { responsibleDepartmentId: string | null | undefined; districtId: string },
  departments: readonly { id: string; kind: DepartmentKind; districtId: string | null }[],
): string[] {
  const districtGovernments = departments
    .filter((d) => d.kind === "district_government" && d.districtId === project.districtId)
    .map((d) => d.id);
  return [...(project.responsibleDepartmentId ? [project.responsibleDepartmentId] : []), ...districtGovernments];
}
