import {
  VerificationKindSchema,
  type VerificationKind,
  type VerificationRule,
  type VerificationRuleUpdate,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import type { ServiceContext } from "../../lib/context.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";

const ruleSelect = {
  kind: true,
  requiresVerification: true,
  updatedAt: true,
  version: true,
} satisfies Prisma.VerificationRuleSelect;

const present = (row: Prisma.VerificationRuleGetPayload<{ select: typeof ruleSelect }>): VerificationRule => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

/** The rules, one per kind of work, in the order the vocabulary lists the kinds. */
export async function listVerificationRules({ db }: ServiceContext): Promise<VerificationRule[]> {
  const rows = await db.verificationRule.findMany({ select: ruleSelect });
  const order = VerificationKindSchema.options;
  return rows.map(present).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

type RuleFields = { requiresVerification: boolean; updatedById: string | null };

/** A rule as a versioned record: the table's key is its kind. */
const rules: VersionedRecord<VerificationRule, RuleFields> = {
  what: "Verification rule",
  entityType: "verification_rule",
  find: async (tx, kind) => {
    const row = await tx.verificationRule.findUnique({ where: { kind: kind as VerificationKind }, select: ruleSelect });
    return row && present(row);
  },
  fieldsOf: (r) => ({ requiresVerification: r.requiresVerification }),
  table: (tx) => ({
    updateMany: ({ where: { id, version }, data }) =>
      tx.verificationRule.updateMany({ where: { kind: id as VerificationKind, version }, data }),
  }),
};

/**
 * The office turns verification on or off for a kind of work. Only later completions follow
 * the new rule: records already awaiting verification keep waiting for the office.
 */
export function updateVerificationRule(
  ctx: ServiceContext,
  { kind, requiresVerification, version }: VerificationRuleUpdate,
): Promise<VerificationRule> {
  return updateVersioned(ctx, rules, {
    id: kind,
    version,
    next: (current) =>
      current.requiresVerification === requiresVerification ? {} : { requiresVerification, updatedById: ctx.actor.id },
  });
}
