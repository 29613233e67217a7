import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { fictionalIdNumber } from "@resettle/domain";

/**
 * A province-scale dataset (ADR: docs/performance.md), the same for the same seed: the
 * 14 cities of Liaoning with six districts each, their departments and persons, 10,000
 * projects with 10 milestones and 10 rectification items each, 1,000,000 households (a
 * fifth of the projects keep a registry, one row per household with its event; the others
 * count theirs in progress entries), 1,000,000 audit events and 500 accounts. Everything
 * is written with COPY, on top of the Panjin plan and demo data (so the demo accounts sign in).
 */

export type Scale = { projects: number; auditEvents: number; accounts: number };

export const provinceScale: Scale = { projects: 10_000, auditEvents: 1_000_000, accounts: 500 };

const CITIES = [
  ["shenyang", "沈阳"],
  ["dalian", "大连"],
  ["anshan", "鞍山"],
  ["fushun", "抚顺"],
  ["benxi", "本溪"],
  ["dandong", "丹东"],
  ["jinzhou", "锦州"],
  ["yingkou", "营口"],
  ["fuxin", "阜新"],
  ["liaoyang", "辽阳"],
  ["panjin", "盘锦"],
  ["tieling", "铁岭"],
  ["chaoyang", "朝阳"],
  ["huludao", "葫芦岛"],
] as const;
const DISTRICTS_PER_CITY = 6;
const MUNICIPAL = [
  ["zhujian", "住房和城乡建设局"],
  ["caizheng", "财政局"],
  ["ziranziyuan", "自然资源局"],
  ["xiaofang", "消防救援支队"],
  ["fayuan", "中级人民法院"],
  ["gongdian", "供电公司"],
  ["gongshui", "供水公司"],
  ["gongre", "供热公司"],
] as const;
const MILESTONE_KINDS = [
  "construction",
  "procedures",
  "relocation_site",
  "acceptance",
  "handover",
  "move_back",
] as const;
const MILESTONE_TITLES: Record<(typeof MILESTONE_KINDS)[number], string> = {
  construction: "主体工程施工",
  procedures: "补办规划、施工许可手续",
  relocation_site: "安置房源筹集",
  acceptance: "竣工验收及消防验收",
  handover: "交付使用",
  move_back: "住户回迁入住",
};
const ITEM_TITLES = [
  "续建资金缺口",
  "施工许可证未办理",
  "临时安置费停发",
  "开发企业违约",
  "不动产登记未办理",
  "配套设施未完善",
];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红";

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2018, 0, 1);
/** The data's "today": fixed, so the same seed gives the same rows whatever the day it runs. */
const AS_OF = Date.UTC(2026, 10, 30);

/** mulberry32: a small, fast PRNG; the whole dataset follows from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  /** A version-4-shaped UUID from the PRNG (reproducible, unlike gen_random_uuid()). */
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(0, 3)]}${hex(3)}-${hex(12)}`;
  return { next, int, pick, uuid };
}

type Cell = string | number | boolean | null | undefined;
/** COPY's text format: tab-separated, \N for null, backslash escapes. */
const line = (cells: Cell[]) =>
  cells
    .map((c) =>
      c === null || c === undefined
        ? "\\N"
        : String(c).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r"),
    )
    .join("\t") + "\n";

/** Streams rows into a table with COPY … FROM STDIN, a few hundred rows a chunk. */
async function copy(client: pg.ClientBase, table: string, columns: string[], rows: Iterable<Cell[]>) {
  function* chunks() {
    let chunk = "";
    let n = 0;
    for (const row of rows) {
      chunk += line(row);
      if (++n % 500 === 0) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  const cols = columns.map((c) => `"${c}"`).join(", ");
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY "${table}" (${cols}) FROM STDIN`)));
}

export type Generated = { rows: Record<string, number> };

/**
 * Loads the dataset into a database that holds the Panjin plan, its demo data and the demo
 * accounts (seedDatabase) and nothing of the benchmark yet, then ANALYZEs it.
 */
export async function generateDataset(
  databaseUrl: string,
  { seed = 13, scale = provinceScale, log = (_: string) => {} } = {},
): Promise<Generated> {
  const r = prng(seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  try {
    const existing = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM districts WHERE code LIKE 'b-%'",
    );
    if (existing.rows[0]!.n > 0) throw new Error("The benchmark's data is there already: reset the database first.");
    const { rows: hashRows } = await client.query<{ passwordHash: string }>(
      `SELECT "passwordHash" FROM users WHERE username = 'admin'`,
    );
    const passwordHash = hashRows[0]?.passwordHash;
    if (!passwordHash) throw new Error("No demo accounts: seed the plan and the demo first.");
    const { rows: causeRows } = await client.query<{ id: string }>("SELECT id FROM causes ORDER BY code");
    const causes = causeRows.map((c) => c.id);
    const { rows: seqRows } = await client.query<{ max: number }>(
      "SELECT coalesce(max(sequence), 0)::int AS max FROM projects",
    );
    let sequence = seqRows[0]!.max;
    await client.query("BEGIN");

    // Cities, districts, departments, persons.
    type Dept = { id: string; persons: string[] };
    type District = { id: string; code: string; name: string; city: number; government: Dept };
    const districts: District[] = [];
    const municipal: Dept[][] = [];
    const departmentRows: Cell[][] = [];
    const personRows: Cell[][] = [];
    const newDept = (code: string, name: string, shortName: string, kind: string, districtId: string | null) => {
      const dept: Dept = { id: r.uuid(), persons: [r.uuid(), r.uuid()] };
      departmentRows.push([dept.id, code, name, shortName, kind, districtId]);
      dept.persons.forEach((id, i) =>
        personRows.push([
          id,
          `${r.pick([...SURNAMES])}${i === 0 ? "科长" : "主任"}`,
          i === 0 ? "科长" : "主任",
          dept.id,
        ]),
      );
      return dept;
    };
    const districtRows: Cell[][] = [];
    CITIES.forEach(([cityCode, cityName], c) => {
      municipal.push(
        MUNICIPAL.map(([code, name]) =>
          newDept(`b-${cityCode}-${code}`, `${cityName}市${name}`, name, "municipal_department", null),
        ),
      );
      for (let d = 1; d <= DISTRICTS_PER_CITY; d++) {
        const id = r.uuid();
        const code = `b-${cityCode}-d${d}`;
        const name = `${cityName}市第${d}区`;
        districtRows.push([id, code, name]);
        districts.push({
          id,
          code,
          name,
          city: c,
          government: newDept(`${code}-gov`, `${name}政府`, `${name}政府`, "district_government", id),
        });
      }
    });
    await copy(client, "districts", ["id", "code", "name"], districtRows);
    count("districts", districtRows.length);
    await copy(
      client,
      "district_floors",
      ["districtId", "year", "minCumulativePercent"],
      (function* () {
        for (const d of districts)
          for (const [year, pct] of [
            [2018, 30],
            [2019, 60],
            [2020, 100],
          ] as const)
            yield [d.id, year, pct];
      })(),
    );
    await copy(client, "departments", ["id", "code", "name", "shortName", "kind", "districtId"], departmentRows);
    count("departments", departmentRows.length);
    await copy(client, "persons", ["id", "name", "title", "departmentId"], personRows);
    count("persons", personRows.length);
    log(`${districts.length} districts, ${departmentRows.length} departments`);

    // Accounts: the demo's, and as many more as make `scale.accounts`; a coordinator for every department first.
    const { rows: userCountRows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    const allDepts = [...districts.map((d) => d.government), ...municipal.flat()];
    const userRows: Cell[][] = [];
    const codeOf = new Map(departmentRows.map((d) => [d[0] as string, d[1] as string]));
    for (let i = 0; i < scale.accounts - userCountRows[0]!.n; i++) {
      const id = r.uuid();
      const dept = allDepts[i % allDepts.length]!;
      const role = i < allDepts.length ? "coordinator" : r.pick(["coordinator", "working_group", "leader"] as const);
      const username = i < allDepts.length ? `coord-${codeOf.get(dept.id)!}` : `bench-${role.replace("_", "-")}-${i}`;
      userRows.push([
        id,
        username,
        `${username}（基准）`,
        passwordHash,
        role,
        role === "coordinator" ? dept.id : null,
        true,
        new Date(AS_OF).toISOString(),
      ]);
    }
    await copy(
      client,
      "users",
      ["id", "username", "displayName", "passwordHash", "role", "departmentId", "demoPassword", "updatedAt"],
      userRows,
    );
    count("users", userRows.length);

    // Projects with their year targets, causes, milestones, items, ledger or registry.
    const projectRows: Cell[][] = [];
    const targetRows: Cell[][] = [];
    const causeLinks: Cell[][] = [];
    const milestoneRows: Cell[][] = [];
    const itemRows: Cell[][] = [];
    const reportRows: Cell[][] = [];
    const householdRows: Cell[][] = [];
    const eventRows: Cell[][] = [];
    const projectIds: string[] = [];
    const workIds: { id: string; projectId: string; type: "milestone" | "item" }[] = [];
    const groupProjects: Cell[][] = [];
    const groups = CITIES.map(() => r.uuid());
    let households = 0;
    let idSeq = 0;
    const workStatus = (due: number) => {
      const x = r.next();
      if (due < AS_OF) return x < 0.6 ? "done" : x < 0.85 ? "in_progress" : x < 0.95 ? "blocked" : "planned";
      return x < 0.5 ? "planned" : x < 0.95 ? "in_progress" : "blocked";
    };
    const responsible = (district: District) => {
      const dept = r.next() < 0.4 ? district.government : r.pick(municipal[district.city]!);
      return { dept: dept.id, person: r.next() < 0.7 ? r.pick(dept.persons) : null };
    };
    const work = (projectId: string, district: District, title: string) => {
      const due = START + r.int(0, 10 * 365) * DAY;
      const status = workStatus(due);
      const done = status === "done";
      const completedOn = done ? Math.min(due + r.int(-60, 90) * DAY, AS_OF) : 0;
      const who = responsible(district);
      return {
        id: r.uuid(),
        cells: [
          projectId,
          title,
          dateOf(due),
          status,
          who.dept,
          who.person,
          done ? new Date(completedOn).toISOString() : null,
          done ? dateOf(completedOn) : null,
          status === "blocked" ? "等待上级协调" : null,
        ] as Cell[],
      };
    };

    for (let p = 0; p < scale.projects; p++) {
      const district = districts[p % districts.length]!;
      const id = r.uuid();
      projectIds.push(id);
      const total = r.int(20, 180);
      households += total;
      const x = r.next();
      const status = x < 0.1 ? "not_started" : x < 0.7 ? "in_progress" : x < 0.85 ? "stalled" : "completed";
      const y = r.next();
      const problemCategory = y < 0.5 ? "none" : y < 0.8 ? "common" : "individual";
      const share = status === "completed" ? 1 : status === "not_started" ? 0 : r.next() * 0.9;
      const movedBack = Math.floor(total * share);
      const registry = r.next() < 0.2;
      // Year targets over the plan's three years.
      const first = Math.floor(total * 0.4);
      const second = Math.floor(total * 0.35);
      targetRows.push([id, 2018, first], [id, 2019, second], [id, 2020, total - first - second]);
      if (problemCategory !== "none") {
        const a = r.pick(causes);
        causeLinks.push([id, a]);
        const b = r.pick(causes);
        if (b !== a) causeLinks.push([id, b]);
      }
      if (problemCategory === "individual")
        groupProjects.push([groups[district.city]!, id, new Date(AS_OF - r.int(30, 400) * DAY).toISOString()]);
      if (registry) {
        // One row per household; those moved back settled on a few days, each day one ledger entry.
        const days = Array.from({ length: r.int(1, 5) }, () => START + r.int(0, 8 * 365) * DAY).sort((a, b) => a - b);
        const perDay = new Map<number, number>();
        for (let h = 0; h < total; h++) {
          const hid = r.uuid();
          const settled = h < movedBack;
          const stateOn = settled ? r.pick(days) : START + r.int(0, 8 * 365) * DAY;
          if (settled) perDay.set(stateOn, (perDay.get(stateOn) ?? 0) + 1);
          const state = settled ? "moved_back" : r.pick(["waiting", "allocated", "contracted", "keys_handed"] as const);
          const birth = dateOf(Date.UTC(1940, 0, 1) + Math.floor(idSeq / 1000) * DAY).replaceAll("-", "");
          householdRows.push([
            hid,
            id,
            `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.pick([...GIVEN])}`,
            fictionalIdNumber(idSeq++, birth),
            `${district.name}${r.int(1, 99)}号楼${r.int(1, 6)}单元${r.int(101, 1802)}`,
            (r.int(4000, 12000) / 100).toFixed(2),
            "on_site_rebuild",
            state,
            dateOf(stateOn),
          ]);
          eventRows.push([r.uuid(), hid, null, state, dateOf(stateOn)]);
        }
        for (const [day, n] of perDay) reportRows.push([r.uuid(), id, dateOf(day), n, null]);
      } else {
        // Typed reports: the households moved back in a few entries since 2018.
        let left = movedBack;
        while (left > 0) {
          const n = Math.min(left, r.int(1, 25));
          reportRows.push([
            r.uuid(),
            id,
            dateOf(START + r.int(0, Math.floor((AS_OF - START) / DAY)) * DAY),
            n,
            "基准数据",
          ]);
          left -= n;
        }
      }
      sequence += 1;
      const who = { dept: district.government.id, person: r.pick(district.government.persons) };
      projectRows.push([
        id,
        `b-p${String(p + 1).padStart(5, "0")}`,
        sequence,
        `${district.name}第${p + 1}号回迁安置项目`,
        district.id,
        total,
        "on_site_rebuild",
        status,
        problemCategory,
        problemCategory === "none" ? null : "资金缺口，手续不全",
        who.dept,
        who.person,
        movedBack,
        registry ? total : 0,
        new Date(AS_OF).toISOString(),
      ]);
      for (let m = 0; m < 10; m++) {
        const kind = MILESTONE_KINDS[m % MILESTONE_KINDS.length]!;
        const w = work(id, district, `${MILESTONE_TITLES[kind]}（${m + 1}）`);
        milestoneRows.push([w.id, kind, ...w.cells, new Date(AS_OF).toISOString()]);
        workIds.push({ id: w.id, projectId: id, type: "milestone" });
      }
      for (let i = 0; i < 10; i++) {
        const w = work(id, district, `${r.pick(ITEM_TITLES)}（${i + 1}）`);
        itemRows.push([w.id, ...w.cells, new Date(AS_OF).toISOString()]);
        workIds.push({ id: w.id, projectId: id, type: "item" });
      }
    }
    await copy(
      client,
      "projects",
      [
        "id",
        "code",
        "sequence",
        "name",
        "districtId",
        "totalHouseholds",
        "approach",
        "status",
        "problemCategory",
        "problemStatement",
        "responsibleDepartmentId",
        "responsiblePersonId",
        "movedBack",
        "registeredHouseholds",
        "updatedAt",
      ],
      projectRows,
    );
    count("projects", projectRows.length);
    await copy(client, "year_targets", ["projectId", "year", "plannedHouseholds"], targetRows);
    await copy(client, "project_causes", ["projectId", "causeId"], causeLinks);
    const workColumns = [
      "projectId",
      "title",
      "dueDate",
      "status",
      "responsibleDepartmentId",
      "responsiblePersonId",
      "completedAt",
      "completedOn",
      "blockedReason",
      "updatedAt",
    ];
    await copy(client, "milestones", ["id", "kind", ...workColumns], milestoneRows);
    count("milestones", milestoneRows.length);
    await copy(client, "items", ["id", ...workColumns], itemRows);
    count("items", itemRows.length);
    log(`${projectRows.length} projects, ${milestoneRows.length} milestones, ${itemRows.length} items`);
    // The year sums (project_year_progress) come from the ledger's trigger, row by row as COPY inserts.
    await copy(client, "progress_reports", ["id", "projectId", "reportedOn", "households", "note"], reportRows);
    count("progress_reports", reportRows.length);
    await copy(
      client,
      "households",
      ["id", "projectId", "headName", "idNumber", "address", "areaM2", "approach", "state", "stateOn", "updatedAt"],
      householdRows.map((h) => [...h, new Date(AS_OF).toISOString()]),
    );
    count("households", householdRows.length);
    await copy(client, "household_events", ["id", "householdId", "fromState", "toState", "on"], eventRows);
    count("household_events", eventRows.length);
    count("households_total", households);
    log(`${households} households: ${householdRows.length} in registries, the rest in ${reportRows.length} entries`);

    // Working groups: one per city, reviewing its individual-problem projects.
    const { rows: officeRows } = await client.query<{ id: string }>(
      "SELECT id FROM departments WHERE kind = 'leading_group_office' LIMIT 1",
    );
    await copy(
      client,
      "working_groups",
      ["id", "name", "leadDepartmentId"],
      CITIES.map(([, name], c) => [
        groups[c]!,
        `${name}市个性问题项目联合工作组`,
        municipal[c]![0]!.id ?? officeRows[0]!.id,
      ]),
    );
    await copy(
      client,
      "working_group_departments",
      ["groupId", "departmentId"],
      CITIES.flatMap((_, c) => municipal[c]!.slice(0, 3).map((d) => [groups[c]!, d.id])),
    );
    await copy(client, "working_group_projects", ["groupId", "projectId", "assignedAt"], groupProjects);
    count("working_group_projects", groupProjects.length);

    // The audit trail: changes to projects, milestones and items over three years, by the accounts.
    const { rows: actorRows } = await client.query<{ id: string; displayName: string }>(
      `SELECT id, "displayName" FROM users`,
    );
    const actors = actorRows;
    const auditStart = Date.UTC(2024, 0, 1);
    const span = AS_OF - auditStart;
    function* audit() {
      for (let e = 0; e < scale.auditEvents; e++) {
        const actor = r.pick(actors);
        const onProject = r.next() < 0.1;
        const target = onProject ? null : r.pick(workIds);
        const projectId = target ? target.projectId : r.pick(projectIds);
        yield [
          new Date(auditStart + Math.floor(r.next() * span)).toISOString(),
          actor.id,
          actor.displayName,
          r.next() < 0.9 ? "update" : "create",
          target ? target.type : "project",
          target ? target.id : projectId,
          projectId,
          '{"status": "planned"}',
          '{"status": "in_progress"}',
          r.uuid(),
        ] as Cell[];
      }
    }
    await copy(
      client,
      "audit_events",
      ["at", "actorId", "actorName", "action", "entityType", "entityId", "projectId", "before", "after", "requestId"],
      audit(),
    );
    count("audit_events", scale.auditEvents);
    await client.query("COMMIT");
    log("committed; ANALYZE");
    await client.query("ANALYZE");
    return { rows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
