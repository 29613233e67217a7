import { LEADER_RULES, type AlertRule } from "@resettle/domain";
import type { Db } from "./context.js";

/** One alert as a rule (or a step that must tell someone now) finds it. */
export type AlertCandidate = {
  rule: AlertRule;
  entityType: "milestone" | "item" | "utility_ticket" | "supervision_notice" | "project" | "review" | "department";
  entityId: string;
  /** The occasion: the same rule, record and key never fire twice. */
  key: string;
  departmentId: string | null;
  projectId: string | null;
  title: string;
  link: string;
};

/**
 * Writes the alerts not raised before (the unique rule, record and occasion settles it) and puts
 * each in the notification centre of its department's coordinators and working-group members,
 * and of the leaders for the rules that reach them. Two statements, whatever the number.
 * Call it inside the transaction of what raised them.
 */
export async function raiseAlerts(db: Db, candidates: AlertCandidate[]): Promise<{ ids: string[]; notified: number }> {
  if (candidates.length === 0) return { ids: [], notified: 0 };
  const column = <K extends keyof AlertCandidate>(k: K) => candidates.map((c) => c[k]);
  const raised = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "alerts" ("rule", "entityType", "entityId", "key", "departmentId", "projectId", "title", "link")
    SELECT * FROM unnest(
      ${column("rule")}::text[], ${column("entityType")}::text[], ${column("entityId")}::uuid[],
      ${column("key")}::text[], ${column("departmentId")}::uuid[], ${column("projectId")}::uuid[],
      ${column("title")}::text[], ${column("link")}::text[])
    ON CONFLICT ("rule", "entityId", "key") DO NOTHING
    RETURNING "id"`;
  if (raised.length === 0) return { ids: [], notified: 0 };
  const ids = raised.map((r) => r.id);
  const notified = await db.$executeRaw`
    INSERT INTO "notifications" ("userId", "alertId")
    SELECT u."id", a."id" FROM "alerts" a
    JOIN "users" u ON u."active" AND (
      (u."departmentId" = a."departmentId" AND u."role" IN ('coordinator', 'working_group'))
      OR (u."role" = 'leader' AND a."rule" = ANY(${[...LEADER_RULES]}::text[])))
    WHERE a."id" = ANY(${ids}::uuid[])
    ON CONFLICT ("userId", "alertId") DO NOTHING`;
  return { ids, notified };
}
