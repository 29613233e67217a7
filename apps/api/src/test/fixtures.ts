import type { PrismaClient } from "@resettle/prisma/client";

/** Real ids from the seeded database (the plan, the demo data and the demo accounts). */
export async function seededIds(prisma: PrismaClient) {
  const departments = await prisma.department.findMany({ select: { id: true, code: true } });
  const dept = (code: string) => {
    const found = departments.find((d) => d.code === code);
    if (!found) throw new Error(`no department ${code}`);
    return found.id;
  };
  const person = async (name: string) => (await prisma.person.findFirstOrThrow({ where: { name } })).id;
  const user = async (username: string) => (await prisma.user.findUniqueOrThrow({ where: { username } })).id;
  const xiangyang = await prisma.project.findUniqueOrThrow({ where: { code: "xiangyang" } });
  const milestone = await prisma.milestone.findFirstOrThrow({
    where: { projectId: xiangyang.id, title: "主体工程封顶" },
  });
  return {
    dept,
    zhujian: dept("zhujian"),
    shuangtaizi: dept("shuangtaizi"),
    fayuan: dept("fayuan"),
    /** 向阳小区: 双台子区政府 and 张主任（演示） are responsible for it. */
    xiangyang: xiangyang.id,
    /** 向阳小区's 主体工程封顶, 双台子区政府's. */
    milestone: milestone.id,
    /** 李科长（演示）, 住建: responsible for milestones. */
    li: await person("李科长（演示）"),
    /** 周工（演示）, 住建: responsible for nothing, linked to the coord-zhujian account. */
    zhou: await person("周工（演示）"),
    /** 赵科长（演示）, 双台子区政府: responsible for nothing, linked to no account. */
    zhao: await person("赵科长（演示）"),
    /** 张主任（演示）, 双台子区政府: responsible for 向阳小区. */
    zhang: await person("张主任（演示）"),
    /** 蒋庭长（演示）, 法院. */
    jiang: await person("蒋庭长（演示）"),
    admin: await user("admin"),
    leader: await user("leader"),
    wg: await user("wg"),
    coordZhujian: await user("coord-zhujian"),
    coordFayuan: await user("coord-fayuan"),
    districts: await prisma.district.findMany({ select: { id: true, name: true } }),
  };
}
export type SeededIds = Awaited<ReturnType<typeof seededIds>>;

/**
 * Everything a write could touch, to prove that a refused request changed nothing.
 * (Sessions by id and last use; the audit trail by count: it only grows.)
 */
export async function snapshot(prisma: PrismaClient) {
  const [users, departments, persons, projects, milestones, assignments, sessions, auditEvents] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" } }),
    prisma.department.findMany({ orderBy: { id: "asc" } }),
    prisma.person.findMany({ orderBy: { id: "asc" } }),
    prisma.project.findMany({ orderBy: { id: "asc" } }),
    prisma.milestone.findMany({ orderBy: { id: "asc" } }),
    prisma.responsibilityAssignment.findMany({ orderBy: { id: "asc" } }),
    prisma.session.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, lastSeenAt: true } }),
    prisma.auditEvent.count(),
  ]);
  return { users, departments, persons, projects, milestones, assignments, sessions, auditEvents };
}

/** Writes the audit trail must never carry. */
export const SECRET_PATTERN = /password|passwordHash|\$argon2|csrf/i;
