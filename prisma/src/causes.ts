import type { PrismaClient } from "./client.js";

/** The causes overdue resettlement projects actually have (问题成因), in the order lists show them. */
export const DEFAULT_CAUSES: readonly [code: string, name: string][] = [
  ["funding_gap", "资金缺口"],
  ["developer_default", "开发企业违约或破产"],
  ["construction_halted", "工程停工"],
  ["missing_procedures", "手续不全"],
  ["land_title", "土地或产权问题"],
  ["acceptance_failed", "消防或竣工验收未通过"],
  ["litigation", "诉讼或司法查封"],
  ["household_disputes", "住户纠纷"],
  ["other", "其他"],
];

/** Adds the causes that are missing; never changes or removes what administrators edited. */
export async function loadCauses(prisma: PrismaClient): Promise<void> {
  const existing = new Set((await prisma.cause.findMany({ select: { code: true } })).map((c) => c.code));
  const missing = DEFAULT_CAUSES.map(([code, name], i) => ({ code, name, sortOrder: (i + 1) * 10 })).filter(
    (c) => !existing.has(c.code),
  );
  if (missing.length) await prisma.cause.createMany({ data: missing, skipDuplicates: true });
}
