import { expect } from "vitest";
import type { PrismaClient } from "@resettle/prisma/client";
import type { TestApp } from "./test-app.js";

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
  const project = async (code: string) => (await prisma.project.findUniqueOrThrow({ where: { code } })).id;
  const milestoneOf = async (code: string, title: string) =>
    (await prisma.milestone.findFirstOrThrow({ where: { project: { code }, title } })).id;
  const itemOf = async (code: string, title: string) =>
    (await prisma.item.findFirstOrThrow({ where: { project: { code }, title } })).id;
  return {
    dept,
    zhujian: dept("zhujian"),
    shuangtaizi: dept("shuangtaizi"),
    fayuan: dept("fayuan"),
    /** 向阳小区: 双台子区政府 and 张主任（演示） are responsible for it. */
    xiangyang: xiangyang.id,
    /** 向阳小区's 主体工程封顶, 双台子区政府's. */
    milestone: milestone.id,
    /** 宏伟小区 (stalled; blocked milestones, three items), 学府园二期, 桃李源项目 (大洼区). */
    hongwei: await project("hongwei"),
    xuefuyuan: await project("xuefuyuan-2"),
    taoliyuan: await project("taoliyuan"),
    hetang: await project("hetang-yuese"),
    guangsha: await project("guangsha"),
    /** The demo's overdue heating ticket of 广厦小区 (水电暖问题). */
    ticket: (await prisma.utilityTicket.findFirstOrThrow({ where: { kind: "heating", status: "open" } })).id,
    /** The demo's open ticket about a whole building (no household). */
    buildingTicket: (await prisma.utilityTicket.findFirstOrThrow({ where: { kind: "other", householdId: null } })).id,
    /** 广厦小区's first demo household still waiting (回迁户台账). */
    household: (
      await prisma.household.findFirstOrThrow({
        where: { project: { code: "guangsha" }, state: "waiting" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).id,
    /** The demo's 督办单 by number: 1 issued (住建), 2 signed for (住建), 3 replied (双台子区政府), 4 signed for with an extension asked (住建). */
    notice: Object.fromEntries(
      (await prisma.supervisionNotice.findMany({ select: { id: true, seq: true } })).map((n) => [n.seq, n.id]),
    ) as Record<1 | 2 | 3 | 4, string>,
    /** Demo milestones and items by their responsible department. */
    work: {
      /** 向阳小区 补办规划、施工许可手续: 住建, done. */
      xiangyangPermits: await milestoneOf("xiangyang", "补办规划、施工许可手续"),
      /** 向阳小区 竣工验收及消防验收: 消防, in_progress. */
      xiangyangAcceptance: await milestoneOf("xiangyang", "竣工验收及消防验收"),
      /** 向阳小区 剩余住户回迁入住: 双台子区政府, in_progress. */
      xiangyangMoveBack: await milestoneOf("xiangyang", "剩余住户回迁入住"),
      /** 学府园二期 施工许可证办理: 住建, in_progress, due 2019-12-31. */
      xuefuyuanPermit: await milestoneOf("xuefuyuan-2", "施工许可证办理"),
      /** 学府园二期 施工许可证未办理 (item): 住建, in_progress, due 2026-12-20. */
      xuefuyuanPermitItem: await itemOf("xuefuyuan-2", "施工许可证未办理"),
      /** 宏伟小区 部分住户临时安置费停发 (item): 双台子区政府, in_progress. */
      hongweiSubsidyItem: await itemOf("hongwei", "部分住户临时安置费停发"),
      /** 宏伟小区 续建资金缺口约 8,000 万元 (item): 财政, in_progress. */
      hongweiFundingItem: await itemOf("hongwei", "续建资金缺口约 8,000 万元"),
    },
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
    /** 其他 (other), a cause of the taxonomy (on 广厦小区). */
    causeOther: (await prisma.cause.findUniqueOrThrow({ where: { code: "other" } })).id,
    /** The demo's common problem 回迁房建设手续不全（演示）: 双台子区, 住建's, in progress; 广厦小区 and 学府园二期. */
    commonProblem: (await prisma.commonProblem.findFirstOrThrow({ select: { id: true } })).id,
    /** The demo's 双台子区 joint working group: 住建 (lead), 国土, 财政, 法院, 双台子区政府; reviews 宏伟小区. */
    group: (await prisma.workingGroup.findFirstOrThrow({ select: { id: true } })).id,
    /** The demo's review of 宏伟小区 (2026-10-20): 住建, 财政, 双台子区政府 present; 财政 has signed. */
    review: (await prisma.review.findFirstOrThrow({ select: { id: true } })).id,
  };
}
export type SeededIds = Awaited<ReturnType<typeof seededIds>>;

/**
 * Everything a write could touch, to prove that a refused request changed nothing.
 * (Sessions by id and last use; the audit trail by count: it only grows.)
 */
export function snapshot(prisma: PrismaClient) {
  return awaitAll({
    users: prisma.user.findMany({ orderBy: { id: "asc" } }),
    departments: prisma.department.findMany({ orderBy: { id: "asc" } }),
    persons: prisma.person.findMany({ orderBy: { id: "asc" } }),
    projects: prisma.project.findMany({ orderBy: { id: "asc" } }),
    milestones: prisma.milestone.findMany({ orderBy: { id: "asc" } }),
    items: prisma.item.findMany({ orderBy: { id: "asc" } }),
    progressReports: prisma.progressReport.findMany({ orderBy: { id: "asc" } }),
    assignments: prisma.responsibilityAssignment.findMany({ orderBy: { id: "asc" } }),
    sessions: prisma.session.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, lastSeenAt: true } }),
    auditEvents: prisma.auditEvent.count(),
    evidenceFiles: prisma.evidenceFile.findMany({ orderBy: { id: "asc" } }),
    verificationRules: prisma.verificationRule.findMany({ orderBy: { kind: "asc" } }),
    households: prisma.household.findMany({ orderBy: { id: "asc" } }),
    householdEvents: prisma.householdEvent.findMany({ orderBy: { id: "asc" } }),
    utilityTickets: prisma.utilityTicket.findMany({ orderBy: { id: "asc" } }),
    ticketEvents: prisma.ticketEvent.findMany({ orderBy: { id: "asc" } }),
    utilityStandards: prisma.utilityStandard.findMany({ orderBy: { kind: "asc" } }),
    subsidyStandards: prisma.subsidyStandard.findMany({ orderBy: { id: "asc" } }),
    // Thousands of demo payments: their count, sum and latest are enough to see a write.
    subsidyPayments: prisma.subsidyPayment.aggregate({
      _count: true,
      _sum: { amountFen: true },
      _max: { createdAt: true },
    }),
    problems: Promise.all([
      prisma.cause.findMany({ orderBy: { id: "asc" } }),
      prisma.projectCause.findMany({ orderBy: [{ projectId: "asc" }, { causeId: "asc" }] }),
      prisma.commonProblem.findMany({
        orderBy: { id: "asc" },
        include: { projects: { orderBy: { projectId: "asc" } } },
      }),
    ]),
    groups: prisma.workingGroup.findMany({
      orderBy: { id: "asc" },
      include: {
        departments: { orderBy: { departmentId: "asc" } },
        persons: { orderBy: { personId: "asc" } },
        projects: { orderBy: { projectId: "asc" } },
      },
    }),
    notificationChannels: prisma.notificationChannel.findMany({ orderBy: { id: "asc" } }),
    channelDeliveries: prisma.channelDelivery.findMany({ orderBy: { id: "asc" } }),
    reviews: prisma.review.findMany({
      orderBy: { id: "asc" },
      include: {
        attendees: { orderBy: { personId: "asc" } },
        projects: { orderBy: { projectId: "asc" } },
        signatures: { orderBy: { departmentId: "asc" } },
        addenda: { orderBy: { id: "asc" } },
      },
    }),
  });
}

/**
 * Every table of the database by its row count and the newest transaction that wrote one of its
 * rows (`xmin`), Prisma's migrations table aside: an insert, update or delete anywhere shows (a
 * rolled-back one does not), and a table added later is in it by itself. About 20 ms over the
 * seeded database, a tenth of hashing every row.
 */
export async function everyTable(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  const rows = await prisma.$queryRawUnsafe<{ name: string; state: string }[]>(
    tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS state FROM "${name}"`,
      )
      .join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

/** Awaits every promise of an object at once, keeping its keys. */
async function awaitAll<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(Object.entries(promises).map(async ([key, value]) => [key, await value] as const));
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}

/** Writes the audit trail must never carry (the `mustChangePassword` flag is not a secret). */
export const SECRET_PATTERN = /(?<!mustChange)password|\$argon2|csrf/i;

/** The paths of a 400's field issues, in order. */
export const detailPaths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  res.json().error.details?.map((d) => d.path);

/**
 * 学府园二期 finished as its departments would: every milestone completed (by `admin`) and its
 * 375 households reported moved back (by 双台子区's coordinator), so no health rule fires.
 */
export async function finishXuefuyuan(t: TestApp, projectId: string) {
  const milestones = await t.db.prisma.milestone.findMany({ where: { projectId } });
  for (const m of milestones) {
    const res = await t.as("admin")({
      method: "POST",
      url: `/api/milestones/${m.id}/completion`,
      payload: { completedOn: "2026-11-24", note: "已办结", version: m.version },
    });
    expect(res.statusCode).toBe(200);
  }
  const moved = await t.as("coord-shuangtaizi")({
    method: "POST",
    url: `/api/projects/${projectId}/progress-reports`,
    payload: { reportedOn: "2026-11-20", households: 375 },
  });
  expect(moved.statusCode).toBe(201);
}
