import { DEMO_PASSWORD } from "@resettle/domain";
import type { PrismaClient } from "./client.js";
import { hashPassword } from "./passwords.js";

/**
 * The local demo's accounts, all with the published password (README): `admin`, `leader`,
 * `wg`, and `coord-<department code>` for every department of the plan. Created only when
 * the database has no accounts at all, and never in production (server.ts refuses to start
 * while any account still has this password).
 */
export async function loadDemoAccounts(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  // One hash for all: they share the password anyway, and hashing is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const departments = await prisma.department.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      shortName: true,
      persons: { where: { isDemo: true }, take: 1, orderBy: { name: "asc" } },
    },
  });
  const office = departments.find((d) => d.code === "lingdao");
  const base = { passwordHash, demoPassword: true };
  await prisma.$transaction(async (tx) => {
    await tx.user.createMany({
      data: [
        {
          ...base,
          username: "admin",
          displayName: "系统管理员（演示）",
          role: "admin",
          departmentId: office?.id ?? null,
        },
        { ...base, username: "leader", displayName: "市领导（演示）", role: "leader" },
        { ...base, username: "wg", displayName: "工作组成员（演示）", role: "working_group" },
        ...departments.map((d) => ({
          ...base,
          username: `coord-${d.code}`,
          displayName: d.persons[0]?.name ?? `${d.shortName}联络员（演示）`,
          role: "coordinator" as const,
          departmentId: d.id,
          personId: d.persons[0]?.id ?? null,
        })),
      ],
    });
  });
  return true;
}
