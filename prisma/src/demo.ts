import {
  fictionalIdNumber,
  formatNoticeNumber,
  NOTICE_NUMBER_PREFIX,
  type HouseholdState,
  type MilestoneKind,
  type WorkStatus,
} from "@resettle/domain";
import type { Prisma, PrismaClient } from "./client.js";

/** The seed writes hundreds of rows a transaction: on a busy machine that takes longer than Prisma's 5 s default. */
const SEED_TRANSACTION = { timeout: 120_000, maxWait: 60_000 };

/**
 * Demo data (演示数据) for trying the product: fictional persons, milestones and some
 * progress. Every record is flagged isDemo and the UI says so. The names are made up
 * and deliberately read as placeholders (“张主任（演示）”), never as real officials.
 */

const demoPersons: Record<string, [name: string, title: string][]> = {
  lingdao: [["王主任（演示）", "办公室主任"]],
  shuangtaizi: [
    ["张主任（演示）", "征收办主任"],
    ["赵科长（演示）", "回迁安置科科长"],
  ],
  dawa: [["刘主任（演示）", "征收办主任"]],
  fagai: [["陈科长（演示）", "投资科科长"]],
  zhujian: [
    ["李科长（演示）", "房屋征收科科长"],
    ["周工（演示）", "质量安全站工程师"],
  ],
  guotu: [["孙科长（演示）", "不动产登记科科长"]],
  caizheng: [["吴科长（演示）", "经济建设科科长"]],
  gongan: [["郑科长（演示）", "治安科科长"]],
  xinfang: [["冯科长（演示）", "督查科科长"]],
  jinrong: [["褚科长（演示）", "金融稳定科科长"]],
  xiaofang: [["卫科长（演示）", "防火监督科科长"]],
  fayuan: [["蒋庭长（演示）", "执行局庭长"]],
};

type DemoMilestone = [kind: MilestoneKind, title: string, due: string, status: WorkStatus, department: string];

const demoMilestones: Record<string, DemoMilestone[]> = {
  xiangyang: [
    ["procedures", "补办规划、施工许可手续", "2018-05-31", "done", "zhujian"],
    ["construction", "主体工程封顶", "2018-09-30", "done", "shuangtaizi"],
    ["acceptance", "竣工验收及消防验收", "2019-06-30", "in_progress", "xiaofang"],
    ["move_back", "剩余住户回迁入住", "2019-12-31", "in_progress", "shuangtaizi"],
  ],
  "lvdi-shijicheng": [
    ["construction", "续建工程复工", "2018-04-30", "done", "shuangtaizi"],
    ["acceptance", "分期竣工验收", "2019-05-31", "done", "zhujian"],
    ["handover", "回迁房交付", "2019-10-31", "in_progress", "shuangtaizi"],
  ],
  hongwei: [
    ["procedures", "土地证、房产证办理", "2019-03-31", "blocked", "guotu"],
    ["construction", "解决开发商资金缺口后复工", "2019-06-30", "blocked", "caizheng"],
    ["move_back", "回迁入住", "2019-12-31", "planned", "shuangtaizi"],
  ],
  guangsha: [
    ["relocation_site", "落实异地安置房源", "2020-03-31", "in_progress", "shuangtaizi"],
    ["move_back", "回迁入住", "2020-12-31", "planned", "shuangtaizi"],
  ],
  "xuefuyuan-2": [
    ["procedures", "施工许可证办理", "2019-12-31", "in_progress", "zhujian"],
    ["construction", "主体工程建设", "2020-08-31", "planned", "shuangtaizi"],
  ],
  "hetang-yuese": [["move_back", "回迁入住", "2018-12-31", "done", "dawa"]],
  "huarun-wanjia": [["handover", "回迁房交付", "2019-09-30", "done", "dawa"]],
  taoliyuan: [
    ["acceptance", "竣工验收", "2020-06-30", "in_progress", "dawa"],
    ["move_back", "回迁入住", "2020-12-31", "planned", "dawa"],
  ],
};

/** Why the demo's blocked milestones are blocked. */
const demoBlockedReasons: Record<string, string> = {
  "土地证、房产证办理": "开发企业欠缴土地出让金，不动产登记暂停",
  解决开发商资金缺口后复工: "开发企业资金链断裂，续建资金未落实",
};

type DemoItem = [
  title: string,
  cause: string,
  measure: string,
  dueDate: string,
  status: WorkStatus,
  department: string,
];

/** 整改事项 of the demo's problem projects. */
const demoItems: Record<string, DemoItem[]> = {
  hongwei: [
    [
      "续建资金缺口约 8,000 万元",
      "开发企业资金链断裂",
      "研究引入国有平台公司代建，落实续建资金",
      "2026-12-31",
      "in_progress",
      "caizheng",
    ],
    ["回迁房产权证无法办理", "土地出让金欠缴", "依法追缴或由区政府垫付后追偿", "2026-12-15", "blocked", "guotu"],
    [
      "部分住户临时安置费停发",
      "开发企业停止支付",
      "区政府先行垫付，按月足额发放",
      "2026-11-30",
      "in_progress",
      "shuangtaizi",
    ],
  ],
  guangsha: [
    ["安置房源不足 120 套", "原址无法回建", "调剂区内存量住房作为异地安置房源", "2027-03-31", "planned", "shuangtaizi"],
  ],
  "xuefuyuan-2": [
    ["施工许可证未办理", "规划手续不全", "住建部门联合审批，限期补办", "2026-12-20", "in_progress", "zhujian"],
  ],
};

const demoProgress: Record<string, [date: string, households: number][]> = {
  xiangyang: [
    ["2018-11-30", 520],
    ["2019-11-30", 400],
  ],
  "lvdi-shijicheng": [
    ["2018-12-20", 700],
    ["2019-12-20", 500],
  ],
  hongwei: [
    ["2019-12-25", 300],
    ["2020-12-25", 200],
  ],
  guangsha: [["2020-12-15", 150]],
  "hetang-yuese": [["2018-10-31", 48]],
  "huarun-wanjia": [["2019-10-31", 25]],
  taoliyuan: [["2020-12-30", 20]],
};

/** Problem statements and taxonomy causes of the demo's problem projects. */
const demoCauseCodes: Record<string, { statement: string; causes: string[] }> = {
  hongwei: {
    statement: "开发企业资金链断裂致工程停工，土地出让金欠缴致产权证无法办理",
    causes: ["developer_default", "funding_gap", "construction_halted", "land_title"],
  },
  guangsha: { statement: "原址无法回建，异地安置房源不足", causes: ["other"] },
  "xuefuyuan-2": { statement: "规划、施工手续不全，主体工程未能开工", causes: ["missing_procedures"] },
};

const demoProblems: Record<string, { status: "stalled" | "in_progress"; category: "common" | "individual" }> = {
  hongwei: { status: "stalled", category: "individual" },
  guangsha: { status: "in_progress", category: "common" },
  "xuefuyuan-2": { status: "in_progress", category: "common" },
};

/** Loads the demo data once; a second run finds it there and changes nothing. */
export async function loadDemoData(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.person.count({ where: { isDemo: true } })) > 0) return false;
  await prisma.$transaction(async (tx) => {
    const departments = await tx.department.findMany({ select: { id: true, code: true } });
    const deptId = new Map(departments.map((d) => [d.code, d.id]));
    const firstPerson = new Map<string, string>();
    for (const [code, persons] of Object.entries(demoPersons)) {
      const departmentId = deptId.get(code);
      if (!departmentId) continue;
      for (const [i, [name, title]] of persons.entries()) {
        const person = await tx.person.create({
          data: {
            name,
            title,
            departmentId,
            phone: `0000-000-${String(firstPerson.size * 10 + i).padStart(4, "0")}`,
            isDemo: true,
          },
        });
        if (!firstPerson.has(code)) firstPerson.set(code, person.id);
      }
    }
    const projects = await tx.project.findMany({
      select: { id: true, code: true, totalHouseholds: true, responsibleDepartmentId: true },
    });
    for (const project of projects) {
      const responsibleCode = departments.find((d) => d.id === project.responsibleDepartmentId)?.code;
      const problem = demoProblems[project.code];
      const reports = demoProgress[project.code] ?? [];
      const movedBack = reports.reduce((s, [, n]) => s + n, 0);
      const responsiblePersonId = responsibleCode ? (firstPerson.get(responsibleCode) ?? null) : null;
      if (responsiblePersonId && project.responsibleDepartmentId)
        await tx.responsibilityAssignment.create({
          data: {
            projectId: project.id,
            departmentId: project.responsibleDepartmentId,
            personId: responsiblePersonId,
            reason: "演示数据：指定责任人",
          },
        });
      await tx.project.update({
        where: { id: project.id },
        data: {
          responsiblePersonId,
          movedBack,
          ...(movedBack === project.totalHouseholds ? { status: "completed" as const } : {}),
          ...(problem ? { status: problem.status, problemCategory: problem.category } : {}),
        },
      });
      await tx.progressReport.createMany({
        data: reports.map(([date, households]) => ({
          projectId: project.id,
          reportedOn: new Date(`${date}T00:00:00Z`),
          households,
          note: "演示数据",
          isDemo: true,
        })),
      });
      const milestones = await tx.milestone.createManyAndReturn({
        select: { id: true, responsibleDepartmentId: true, responsiblePersonId: true },
        data: (demoMilestones[project.code] ?? []).map(([kind, title, due, status, department]) => ({
          projectId: project.id,
          kind,
          title,
          dueDate: new Date(`${due}T00:00:00Z`),
          status,
          completedAt: status === "done" ? new Date(`${due}T08:00:00Z`) : null,
          completedOn: status === "done" ? new Date(`${due}T00:00:00Z`) : null,
          blockedReason: status === "blocked" ? (demoBlockedReasons[title] ?? "演示：受阻") : null,
          responsibleDepartmentId: deptId.get(department) ?? null,
          responsiblePersonId: firstPerson.get(department) ?? null,
          isDemo: true,
        })),
      });
      await tx.item.createMany({
        data: (demoItems[project.code] ?? []).map(([title, cause, measure, dueDate, status, department]) => ({
          projectId: project.id,
          title,
          cause,
          measure,
          dueDate: new Date(`${dueDate}T00:00:00Z`),
          status,
          blockedReason: status === "blocked" ? "等待市财政局资金方案" : null,
          responsibleDepartmentId: deptId.get(department) ?? null,
          responsiblePersonId: firstPerson.get(department) ?? null,
          isDemo: true,
        })),
      });
      await tx.responsibilityAssignment.createMany({
        data: milestones.flatMap((m) =>
          m.responsibleDepartmentId
            ? [
                {
                  projectId: project.id,
                  milestoneId: m.id,
                  departmentId: m.responsibleDepartmentId,
                  personId: m.responsiblePersonId,
                  reason: "演示数据：节点责任分工",
                },
              ]
            : [],
        ),
      });
    }
  }, SEED_TRANSACTION);
  await loadDemoProblemsAndGroup(prisma);
  await loadDemoHouseholds(prisma);
  await loadDemoTickets(prisma);
  await loadDemoSubsidy(prisma);
  await loadDemoNotices(prisma);
  return true;
}

/**
 * 回迁户台账 of three projects: 荷塘月色 and 华润万家 (大洼区, all moved back) and 广厦小区
 * (双台子区, 150 of 411 moved back, the rest on the way). Households counted as moved back match each project's figure from its demo reports,
 * so the registry and the ledger agree from the start. Names end in （演示）; ID numbers pass
 * the check digit but use area code 999999, which no place has.
 */
const demoRegistries: Record<
  string,
  { states: [HouseholdState, number, string][]; approach: "on_site_rebuild" | "off_site_relocation" }
> = {
  "hetang-yuese": { approach: "on_site_rebuild", states: [["moved_back", 48, "2018-10-31"]] },
  "huarun-wanjia": {
    approach: "off_site_relocation",
    states: [
      ["moved_back", 22, "2019-10-31"],
      ["monetary", 3, "2019-10-31"],
    ],
  },
  guangsha: {
    approach: "off_site_relocation",
    states: [
      ["moved_back", 150, "2020-12-15"],
      ["keys_handed", 20, "2026-10-15"],
      ["contracted", 40, "2026-06-30"],
      ["allocated", 60, "2025-12-01"],
      ["waiting", 141, "2018-06-30"],
    ],
  },
};

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = ["建国", "秀英", "桂兰", "志强", "玉梅", "国庆", "淑珍", "德明", "海燕", "振华", "丽娟", "宝山"];

async function loadDemoHouseholds(prisma: PrismaClient) {
  const projects = await prisma.project.findMany({
    where: { code: { in: Object.keys(demoRegistries) } },
    select: { id: true, code: true, name: true },
  });
  let seq = 0;
  for (const project of projects) {
    const registry = demoRegistries[project.code]!;
    const rows = registry.states.flatMap(([state, count, on]) =>
      Array.from({ length: count }, () => {
        const n = seq++;
        const birth = `19${50 + (n % 40)}${String((n % 12) + 1).padStart(2, "0")}${String((n % 28) + 1).padStart(2, "0")}`;
        return {
          projectId: project.id,
          headName: `${SURNAMES[n % SURNAMES.length]}${GIVEN[n % GIVEN.length]}（演示）`,
          idNumber: fictionalIdNumber(n % 1000, birth),
          phone: `1390000${String(n).padStart(4, "0")}`,
          address: `${project.name}原址 ${Math.floor(n / 12) + 1} 号楼 ${(n % 12) + 1}01 室（演示）`,
          areaM2: (60 + (n % 7) * 8.5).toFixed(2),
          approach: state === "monetary" ? ("monetary" as const) : registry.approach,
          state,
          stateOn: new Date(`${on}T00:00:00Z`),
          isDemo: true,
        };
      }),
    );
    await prisma.$transaction(async (tx) => {
      const households = await tx.household.createManyAndReturn({
        data: rows,
        select: { id: true, state: true, stateOn: true },
      });
      await tx.householdEvent.createMany({
        data: households.map((h) => ({ householdId: h.id, toState: h.state, on: h.stateOn, reason: "演示数据：导入" })),
      });
      await tx.project.update({ where: { id: project.id }, data: { registeredHouseholds: households.length } });
    }, SEED_TRANSACTION);
  }
}

/** Taxonomy causes, one common problem and the 双台子区 joint working group (issue 5's demo). */
async function loadDemoProblemsAndGroup(prisma: PrismaClient) {
  await prisma.$transaction(async (tx) => {
    const causes = new Map((await tx.cause.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
    const projects = new Map(
      (await tx.project.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]),
    );
    const departments = new Map(
      (await tx.department.findMany({ select: { id: true, code: true, districtId: true } })).map((d) => [d.code, d]),
    );
    for (const [code, { statement, causes: codes }] of Object.entries(demoCauseCodes)) {
      const projectId = projects.get(code);
      if (!projectId) continue;
      await tx.project.update({ where: { id: projectId }, data: { problemStatement: statement } });
      await tx.projectCause.createMany({
        data: codes.flatMap((c) => (causes.has(c) ? [{ projectId, causeId: causes.get(c)! }] : [])),
        skipDuplicates: true,
      });
    }
    const shuangtaizi = departments.get("shuangtaizi");
    const zhujian = departments.get("zhujian");
    if (!shuangtaizi?.districtId || !zhujian) return;
    const districtId = shuangtaizi.districtId;
    await tx.commonProblem.create({
      data: {
        title: "回迁房建设手续不全（演示）",
        description: "部分项目规划、施工许可手续未办结，影响开工和验收",
        measure: "区政府牵头，住建、国土联合审批，限期补办",
        districtId,
        responsibleDepartmentId: zhujian.id,
        status: "in_progress",
        projects: {
          create: ["xuefuyuan-2", "guangsha"].flatMap((c) =>
            projects.has(c) ? [{ projectId: projects.get(c)! }] : [],
          ),
        },
      },
    });
    const members = ["zhujian", "guotu", "caizheng", "fayuan", "shuangtaizi"].flatMap((c) =>
      departments.has(c) ? [departments.get(c)!.id] : [],
    );
    const persons = await tx.person.findMany({
      where: { departmentId: { in: members }, isDemo: true },
      select: { id: true },
    });
    const individual = await tx.project.findMany({
      where: { districtId, problemCategory: "individual" },
      select: { id: true },
    });
    const group = await tx.workingGroup.create({
      data: {
        name: "双台子区个性问题项目联合工作组（演示）",
        leadDepartmentId: zhujian.id,
        reviewIntervalDays: 30,
        departments: { create: members.map((departmentId) => ({ departmentId })) },
        persons: { create: persons.map((p) => ({ personId: p.id })) },
        projects: {
          create: individual.map((p) => ({ projectId: p.id, assignedAt: new Date("2026-09-01T00:00:00Z") })),
        },
      },
    });
    await loadDemoReview(tx, group.id, projects.get("hongwei"), departments);
  }, SEED_TRANSACTION);
}

/**
 * One earlier review of 宏伟小区 (住建, 财政 and 双台子区政府 present), with one follow-up
 * action for 财政: what the queue, the minutes and My work show. 财政 signs it once the
 * demo accounts exist (signDemoReview).
 */
async function loadDemoReview(
  tx: Prisma.TransactionClient,
  groupId: string,
  projectId: string | undefined,
  departments: Map<string, { id: string }>,
) {
  const caizheng = departments.get("caizheng");
  if (!projectId || !caizheng) return;
  const attendees = await tx.person.findMany({
    where: { isDemo: true, name: { in: ["李科长（演示）", "吴科长（演示）", "张主任（演示）"] } },
    select: { id: true, departmentId: true },
  });
  const review = await tx.review.create({
    data: {
      groupId,
      heldOn: new Date("2026-10-20T00:00:00Z"),
      // Recorded the afternoon of the meeting: waiting for 住建's and 双台子区政府's 会签 since.
      createdAt: new Date("2026-10-20T08:00:00Z"),
      attendees: { create: attendees.map((a) => ({ personId: a.id })) },
      projects: {
        create: {
          projectId,
          findings: "开发企业资金链断裂，主体工程停工；部分住户临时安置费停发（演示）",
          decisions: "市财政局研究续建资金方案；区政府先行垫付临时安置费（演示）",
        },
      },
    },
    select: { projects: { select: { id: true } } },
  });
  await tx.item.create({
    data: {
      projectId,
      title: "续建资金方案报市政府审定",
      responsibleDepartmentId: caizheng.id,
      responsiblePersonId: attendees.find((a) => a.departmentId === caizheng.id)?.id ?? null,
      dueDate: new Date("2026-12-10T00:00:00Z"),
      status: "in_progress",
      reviewProjectId: review.projects[0]!.id,
      isDemo: true,
    },
  });
}

/** 财政's signature on the demo review, by coord-caizheng: only 住建 and 双台子区政府 remain to sign. */
export async function signDemoReview(prisma: PrismaClient) {
  const signer = await prisma.user.findUnique({
    where: { username: "coord-caizheng" },
    select: { id: true, departmentId: true },
  });
  const review = await prisma.review.findFirst({
    where: { signatures: { none: {} }, projects: { some: { project: { code: "hongwei" } } } },
    orderBy: { heldOn: "asc" },
    select: { id: true },
  });
  if (!signer?.departmentId || !review) return;
  await prisma.reviewSignature.create({
    data: {
      reviewId: review.id,
      departmentId: signer.departmentId,
      signedById: signer.id,
      signedAt: new Date("2026-10-21T02:00:00Z"),
    },
  });
}

/**
 * 水电暖问题 of 广厦小区's waiting households: an overdue heating ticket (reported 20 Nov, due in
 * 24 hours), a power ticket being fixed, a water ticket resolved and confirmed, and one about a
 * whole building. Deadlines follow the standards the migration wrote.
 */
async function loadDemoTickets(prisma: PrismaClient) {
  const project = await prisma.project.findUnique({
    where: { code: "guangsha" },
    select: { id: true, districtId: true, responsibleDepartmentId: true },
  });
  if (!project) return;
  const waiting = await prisma.household.findMany({
    where: { projectId: project.id, state: "waiting" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 3,
    select: { id: true },
  });
  const government = await prisma.department.findFirst({
    where: { kind: "district_government", districtId: project.districtId },
    select: { id: true },
  });
  const departmentId = project.responsibleDepartmentId ?? government?.id ?? null;
  const hours = { heating: 24, water: 48, power: 48, other: 168 } as const;
  const tickets: {
    kind: keyof typeof hours;
    channel: "household" | "petition" | "hotline_12345" | "inspection";
    reportedAt: string;
    description: string;
    status: "open" | "in_progress" | "resolved" | "confirmed";
    household: number | null;
  }[] = [
    {
      kind: "heating",
      channel: "hotline_12345",
      reportedAt: "2026-11-20T01:30:00Z",
      description: "临时安置房暖气不热，室温 12 ℃（演示）",
      status: "open",
      household: 0,
    },
    {
      kind: "power",
      channel: "household",
      reportedAt: "2026-11-24T06:00:00Z",
      description: "楼道照明线路老化，频繁跳闸（演示）",
      status: "in_progress",
      household: 1,
    },
    {
      kind: "water",
      channel: "petition",
      reportedAt: "2026-10-10T02:00:00Z",
      description: "自来水水压不足，高层无水（演示）",
      status: "confirmed",
      household: 2,
    },
    {
      kind: "other",
      channel: "inspection",
      reportedAt: "2026-11-18T03:00:00Z",
      description: "临时安置点 3 号楼屋面漏雨（演示）",
      status: "open",
      household: null,
    },
  ];
  await prisma.$transaction(async (tx) => {
    for (const ticket of tickets) {
      const reportedAt = new Date(ticket.reportedAt);
      const resolved = ticket.status === "resolved" || ticket.status === "confirmed";
      await tx.utilityTicket.create({
        data: {
          projectId: project.id,
          householdId: ticket.household === null ? null : (waiting[ticket.household]?.id ?? null),
          kind: ticket.kind,
          channel: ticket.channel,
          reportedAt,
          description: ticket.description,
          responsibleDepartmentId: departmentId,
          status: ticket.status,
          deadlineAt: new Date(reportedAt.getTime() + hours[ticket.kind] * 3600_000),
          resolvedAt: resolved ? new Date(reportedAt.getTime() + 24 * 3600_000) : null,
          isDemo: true,
          events: { create: { toStatus: ticket.status, note: "演示数据" } },
        },
      });
    }
  }, SEED_TRANSACTION);
}

/**
 * 广厦小区's temporary subsidy (issue 11): 800 yuan per household per month from January 2025;
 * every household not yet back paid through August 2026 (voucher per month), except five still
 * 待回迁 paid only through May 2026, so there are arrears of every age once the months pass.
 */
async function loadDemoSubsidy(prisma: PrismaClient) {
  const project = await prisma.project.findUnique({ where: { code: "guangsha" }, select: { id: true } });
  if (!project) return;
  const rateFen = 80_000;
  const waiting = await prisma.household.findMany({
    where: { projectId: project.id, state: { notIn: ["moved_back", "monetary"] } },
    orderBy: { idNumber: "asc" },
    select: { id: true, state: true },
  });
  const months: string[] = [];
  for (let y = 2025, m = 1; y < 2026 || m <= 8; m === 12 ? ((y += 1), (m = 1)) : (m += 1))
    months.push(`${y}-${String(m).padStart(2, "0")}`);
  // The five behind are still 待回迁 (the same five on every machine: by ID number).
  const behind = new Set(
    waiting
      .filter((h) => h.state === "waiting")
      .slice(-5)
      .map((h) => h.id),
  );
  const payments = waiting.flatMap((h) =>
    months
      .filter((month) => !behind.has(h.id) || month <= "2026-05")
      .map((month) => ({
        householdId: h.id,
        projectId: project.id,
        month: new Date(`${month}-01T00:00:00Z`),
        amountFen: rateFen,
        paidOn: new Date(`${month}-20T00:00:00Z`),
        voucherNo: `YS-${month.replace("-", "")}`,
        isDemo: true,
      })),
  );
  await prisma.$transaction(async (tx) => {
    await tx.subsidyStandard.create({
      data: {
        projectId: project.id,
        basis: "per_household",
        rateFen,
        effectiveFrom: new Date("2025-01-01T00:00:00Z"),
        note: "演示数据：每户每月 800 元",
        isDemo: true,
      },
    });
    await tx.subsidyPayment.createMany({ data: payments });
  }, SEED_TRANSACTION);
}

/**
 * 督办单 (issue 12), one in each state a department meets: 1号 (黄色) issued to 住建 about
 * 学府园二期's permit item and past its reply day, not yet signed for; 2号 (蓝色) signed for;
 * 3号 (红色) to 双台子区政府 about 宏伟小区, replied and waiting for the office's review; 4号
 * (黄色) signed for, with an extension asked.
 */
async function loadDemoNotices(prisma: PrismaClient) {
  const item = await prisma.item.findFirst({
    where: { project: { code: "xuefuyuan-2" }, title: "施工许可证未办理" },
    select: { id: true, title: true, project: { select: { id: true, name: true } } },
  });
  const milestone = await prisma.milestone.findFirst({
    where: { project: { code: "xuefuyuan-2" }, title: "施工许可证办理" },
    select: { id: true, title: true, project: { select: { id: true, name: true } } },
  });
  const hongwei = await prisma.project.findUnique({ where: { code: "hongwei" }, select: { id: true, name: true } });
  const zhujian = await prisma.department.findUnique({ where: { code: "zhujian" }, select: { id: true } });
  const shuangtaizi = await prisma.department.findUnique({ where: { code: "shuangtaizi" }, select: { id: true } });
  const admin = await prisma.user.findUnique({ where: { username: "admin" }, select: { id: true } });
  if (!item || !milestone || !hongwei || !zhujian || !shuangtaizi) return;
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const at = (d: string) => new Date(`${d}T02:00:00Z`);
  const notices = [
    {
      level: "yellow" as const,
      targetType: "item" as const,
      targetId: item.id,
      targetLabel: `${item.project.name}：${item.title}`,
      projectId: item.project.id,
      departmentId: zhujian.id,
      requirement: "施工许可证逾期未办理，请于 11 月 24 日前签收并反馈办理进度（演示）。",
      replyBy: "2026-11-24",
      issuedOn: "2026-11-20",
      status: "issued" as const,
    },
    {
      level: "blue" as const,
      targetType: "milestone" as const,
      targetId: milestone.id,
      targetLabel: `${milestone.project.name}：${milestone.title}`,
      projectId: milestone.project.id,
      departmentId: zhujian.id,
      requirement: "请加快施工许可证办理节点，按期反馈（演示）。",
      replyBy: "2026-12-10",
      issuedOn: "2026-11-18",
      status: "received" as const,
    },
    {
      level: "red" as const,
      targetType: "project" as const,
      targetId: hongwei.id,
      targetLabel: hongwei.name,
      projectId: hongwei.id,
      departmentId: shuangtaizi.id,
      requirement: "项目停工，部分住户临时安置费停发，请制定复工和补发方案并反馈（演示）。",
      replyBy: "2026-11-30",
      issuedOn: "2026-11-10",
      status: "replied" as const,
      measures: "已与施工单位签订复工协议，停发的临时安置费于 11 月 20 日补发到位（演示）。",
    },
    {
      level: "yellow" as const,
      targetType: "item" as const,
      targetId: item.id,
      targetLabel: `${item.project.name}：${item.title}`,
      projectId: item.project.id,
      departmentId: zhujian.id,
      requirement: "请说明施工许可证办理受阻原因及解决时限（演示）。",
      replyBy: "2026-12-05",
      issuedOn: "2026-11-21",
      status: "received" as const,
      extension: { until: "2026-12-20", reason: "需等待规划调整批复（演示）" },
    },
  ];
  await prisma.$transaction(async (tx) => {
    for (const [index, n] of notices.entries()) {
      const seq = index + 1;
      const received = n.status !== "issued";
      const issued = at(n.issuedOn);
      const later = (days: number) => new Date(issued.getTime() + days * 86_400_000);
      await tx.supervisionNotice.create({
        data: {
          year: 2026,
          seq,
          number: formatNoticeNumber(NOTICE_NUMBER_PREFIX, 2026, seq),
          level: n.level,
          targetType: n.targetType,
          targetId: n.targetId,
          targetLabel: n.targetLabel,
          projectId: n.projectId,
          departmentId: n.departmentId,
          requirement: n.requirement,
          replyBy: day(n.replyBy),
          status: n.status,
          issuedById: admin?.id ?? null,
          issuedAt: issued,
          receivedAt: received ? later(1) : null,
          repliedAt: n.status === "replied" ? at("2026-11-22") : null,
          measures: n.measures ?? null,
          ...(n.extension
            ? {
                extensionUntil: day(n.extension.until),
                extensionReason: n.extension.reason,
                extensionStatus: "pending" as const,
              }
            : {}),
          events: {
            create: [
              { step: "issue", toStatus: "issued" as const, note: n.requirement, byId: admin?.id ?? null, at: issued },
              ...(received
                ? [{ step: "receipt", fromStatus: "issued" as const, toStatus: "received" as const, at: later(1) }]
                : []),
              ...(n.status === "replied"
                ? [
                    {
                      step: "reply",
                      fromStatus: "received" as const,
                      toStatus: "replied" as const,
                      note: n.measures,
                      at: at("2026-11-22"),
                    },
                  ]
                : []),
              ...(n.extension
                ? [
                    {
                      step: "extension",
                      fromStatus: "received" as const,
                      toStatus: "received" as const,
                      note: n.extension.reason,
                      at: later(2),
                    },
                  ]
                : []),
            ],
          },
        },
      });
    }
    await tx.noticeCounter.create({ data: { year: 2026, last: notices.length } });
  }, SEED_TRANSACTION);
}
