import ExcelJS from "exceljs";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { ErrorResponseSchema, PAYMENT_IMPORT_COLUMNS } from "@resettle/domain";
import { everyTable, type SeededIds } from "./test/fixtures.js";
import { multipartFile, TINY_PNG } from "./test/evidence.js";
import { ACCOUNT, MATRIX, type Role, type Row } from "./test/route-matrix.js";
import { eachTestApp, type TestApp } from "./test/test-app.js";

/**
 * AUDIT IN THE SAME TRANSACTION (issue 14): every write route of the app, taken from the
 * permission matrix (so a new route is here by itself), sent while every insert into
 * audit_events fails, must answer 500 in the standard shape and leave every table of the
 * database as it was (`everyTable`: each table's row count and newest writing transaction). A write that records
 * no audit event is exempt only by name, with its reason, and is shown to write none.
 */

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const isWrite = (route: string) => !/^(GET|HEAD) /.test(route);
const WRITES = MATRIX.filter((r) => isWrite(r.route));

/** A request that succeeds, and who sends it (an account, or null: no session). */
type Success = { as: string | null; request: InjectOptions };

/**
 * Routes whose matrix request succeeds for no role (an unknown id, a record in the wrong state,
 * a file that is refused): a request that does succeed, prepared here (before audit inserts
 * fail). A new route like them fails the first test until it is given one here.
 */
const PREPARED: Record<string, (t: TestApp, ids: SeededIds) => Promise<Success>> = {
  // 复核: a completion waits for the office's verification once the kind requires it.
  "POST /api/milestones/:id/verification": async (t, ids) => {
    const version = await awaitingVerification(t, "milestones", ids.work.xiangyangMoveBack);
    return {
      as: "admin",
      request: {
        method: "POST",
        url: `/api/milestones/${ids.work.xiangyangMoveBack}/verification`,
        payload: { decision: "verify", version },
      },
    };
  },
  "POST /api/items/:id/verification": async (t, ids) => {
    const version = await awaitingVerification(t, "items", ids.work.hongweiSubsidyItem);
    return {
      as: "admin",
      request: {
        method: "POST",
        url: `/api/items/${ids.work.hongweiSubsidyItem}/verification`,
        payload: { decision: "return", note: "审计回滚测试：退回", version },
      },
    };
  },
  "POST /api/evidence/:id/withdraw": async (t, ids) => {
    const res = await t.as("admin")({
      method: "POST",
      url: `/api/items/${ids.work.hongweiSubsidyItem}/evidence`,
      ...multipartFile("审计回滚.png", TINY_PNG),
    });
    expect(res.statusCode, res.body).toBe(201);
    return {
      as: "admin",
      request: { method: "POST", url: `/api/evidence/${res.json().id}/withdraw`, payload: { reason: "传错了" } },
    };
  },
  "POST /api/projects/:id/subsidy/payments/import": async (t, ids) => {
    const household = await t.db.prisma.household.findFirstOrThrow({
      where: { projectId: ids.guangsha, state: "waiting" },
      orderBy: { idNumber: "asc" },
    });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("补助发放");
    sheet.addRow(PAYMENT_IMPORT_COLUMNS.map((c) => c.header));
    sheet.addRow([household.idNumber, null, "2026-09", 800, "2026-11-20", "CZ-1"]);
    return {
      as: "admin",
      request: {
        method: "POST",
        url: `/api/projects/${ids.guangsha}/subsidy/payments/import`,
        ...multipartFile("发放.xlsx", Buffer.from(await book.xlsx.writeBuffer())),
      },
    };
  },
  "POST /api/plans/import": async (t) => {
    const template = await t.as("admin")({ url: "/api/plans/template" });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    // Another city's plan: renamed codes throughout, so that nothing of Panjin's is touched.
    book.getWorksheet("方案")!.eachRow((r) => {
      if (r.getCell(1).value === "方案代码") r.getCell(2).value = "anshan";
    });
    for (const name of ["县区", "部门", "项目"])
      book.getWorksheet(name)!.eachRow((r, n) => {
        if (n === 1) return;
        r.getCell(1).value = `as-${String(r.getCell(1).value)}`;
        if (name === "部门" && r.getCell(5).value) r.getCell(5).value = `as-${String(r.getCell(5).value)}`;
        if (name === "项目") {
          r.getCell(3).value = `as-${String(r.getCell(3).value)}`;
          if (r.getCell(6).value) r.getCell(6).value = `as-${String(r.getCell(6).value)}`;
        }
      });
    return {
      as: "admin",
      request: {
        method: "POST",
        url: "/api/plans/import",
        ...multipartFile("方案.xlsx", Buffer.from(await book.xlsx.writeBuffer()), {
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
      },
    };
  },
  // The demo's review is signed by 财政 already: a review recorded by mistake is withdrawn.
  "POST /api/reviews/:id/withdraw": async (t, ids) => {
    const res = await t.as("wg")({
      method: "POST",
      url: "/api/reviews",
      payload: {
        groupId: ids.group,
        heldOn: "2026-11-01",
        attendeePersonIds: [ids.li, ids.jiang],
        projects: [
          {
            projectId: ids.hongwei,
            findings: "误录",
            decisions: "误录",
            actions: [{ title: "误录事项", departmentId: ids.zhujian, personId: null, dueDate: "2026-12-31" }],
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return {
      as: "wg",
      request: {
        method: "POST",
        url: `/api/reviews/${res.json().id}/withdraw`,
        payload: { reason: "误录", version: res.json().version },
      },
    };
  },
  // The seeded database has no channel: one that answers nothing (a closed port).
  "PATCH /api/notification-channels/:id": async (t) => ({
    as: "admin",
    request: {
      method: "PATCH",
      url: `/api/notification-channels/${await channel(t)}`,
      payload: { kind: "wecom_webhook", enabled: false, version: 1 },
    },
  }),
  "POST /api/notification-channels/:id/test": async (t) => ({
    as: "admin",
    request: { method: "POST", url: `/api/notification-channels/${await channel(t)}/test` },
  }),
  "POST /api/channel-deliveries/:id/retry": async (t, ids) => {
    const alert = await t.db.prisma.alert.create({
      data: {
        rule: "work_overdue",
        entityType: "milestone",
        entityId: ids.work.xuefuyuanPermit,
        key: "audit-rollback",
        departmentId: ids.zhujian,
        projectId: ids.xuefuyuan,
        title: "已逾期：审计回滚测试",
        link: "/",
      },
    });
    const delivery = await t.db.prisma.channelDelivery.create({
      data: {
        channelId: await channel(t),
        alertId: alert.id,
        status: "failed",
        attempts: 6,
        nextAttemptAt: new Date(),
        lastError: "HTTP 500",
      },
    });
    return { as: "admin", request: { method: "POST", url: `/api/channel-deliveries/${delivery.id}/retry` } };
  },
  // The run's own writes (alerts, notifications) are the system's records, but a notice it
  // escalates is a change, audited in the run's transaction: notice 1 made a month overdue.
  "POST /api/alerts/run": async (t, ids) => {
    await t.db.prisma.supervisionNotice.update({
      where: { id: ids.notice[1] },
      data: { replyBy: new Date("2026-10-20T00:00:00Z") },
    });
    return { as: "admin", request: { method: "POST", url: "/api/alerts/run" } };
  },
  "POST /api/notifications/:id/read": async (t, ids) => {
    const alert = await t.db.prisma.alert.create({
      data: {
        rule: "work_overdue",
        entityType: "milestone",
        entityId: ids.work.xuefuyuanPermit,
        key: "audit-rollback",
        departmentId: ids.zhujian,
        projectId: ids.xuefuyuan,
        title: "已逾期：审计回滚测试",
        link: "/",
      },
    });
    const notification = await t.db.prisma.notification.create({ data: { userId: ids.admin, alertId: alert.id } });
    return { as: "admin", request: { method: "POST", url: `/api/notifications/${notification.id}/read` } };
  },
};

/**
 * Writes that record no audit event, and why. Each is shown to succeed while audit inserts
 * fail, having tried none: a route that starts auditing must leave this list.
 */
const EXEMPT: Record<string, string> = {
  "POST /api/notifications/:id/read": "one's own notification marked read: a reading mark, not a change to the record",
  "POST /api/notifications/read-all": "the same, for all of one's notifications",
  "POST /api/notification-channels/:id/test": "sends a test message now and writes nothing",
  "POST /api/projects/:id/households/import/annotated":
    "answers the refused file with its problems marked and writes nothing (the import itself is audited)",
  "POST /api/projects/:id/subsidy/payments/import/annotated":
    "answers the refused file with its problems marked and writes nothing (the import itself is audited)",
};

/**
 * Tables a route changes before its transaction, by design, and why. Only these, only for
 * these routes; everything else must be as it was.
 */
const BEFORE_THE_TRANSACTION: Record<string, { table: string; reason: string }> = {
  "POST /api/auth/login": {
    table: "login_throttles",
    reason:
      "the attempt is counted before the password is checked (so simultaneous guesses queue) and given back in the sign-in's transaction: a sign-in that fails, this one too, stays counted",
  },
  "PUT /api/auth/password": {
    table: "login_throttles",
    reason: "the same: guessing the current password is throttled like a sign-in",
  },
};

/** Routes whose success writes an audit event and nothing else (reading a full ID number is what is recorded). */
const AUDIT_ONLY = new Set(["POST /api/households/:id/reveal"]);

const ROLE_ORDER: readonly Role[] = ["admin", "working_group", "coordinator", "leader", "anonymous"];
const ok = (status: number) => status >= 200 && status < 300;

/** The matrix's own successful request for the route, when a role has one. */
function fromMatrix(row: Row, ids: SeededIds): Success | undefined {
  const role = ROLE_ORDER.find((r) => ok(row.expect[r]));
  if (!role) return undefined;
  return { as: role === "anonymous" ? null : ACCOUNT[role], request: row.request(ids, role) };
}

async function success(row: Row): Promise<Success> {
  const prepare = PREPARED[row.route];
  const found = prepare ? await prepare(t, ids) : fromMatrix(row, ids);
  if (!found) throw new Error(`${row.route}: no successful request (give it one in PREPARED, or exempt it)`);
  return found;
}

const send = ({ as, request }: Success) => (as ? t.as(as)(request) : t.app.inject(request));

/** A notification channel to a closed port (a test message fails at once; nothing is sent). */
async function channel(t: TestApp): Promise<string> {
  const res = await t.as("admin")({
    method: "POST",
    url: "/api/notification-channels",
    payload: {
      kind: "wecom_webhook",
      name: "审计回滚测试",
      enabled: true,
      departmentId: null,
      config: { url: "http://127.0.0.1:9/cgi-bin/webhook/send?key=audit-rollback" },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Completes the record once its kind requires verification; the version the office verifies. */
async function awaitingVerification(t: TestApp, kind: "milestones" | "items", id: string): Promise<number> {
  await t.db.prisma.verificationRule.updateMany({
    where: { kind: kind === "milestones" ? "milestone" : "item" },
    data: { requiresVerification: true },
  });
  const res = await t.as("admin")({
    method: "POST",
    url: `/api/${kind}/${id}/completion`,
    payload: { completedOn: "2026-11-20", note: "审计回滚测试：已完成", version: 1 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().version;
}

/**
 * Test-only, in this test's private database: every insert into audit_events fails, after
 * counting the attempt in a sequence (a sequence is not rolled back, so the count survives
 * the failed transaction and shows that the route did try to audit).
 */
async function auditDown() {
  await t.db.prisma.$executeRawUnsafe(`CREATE SEQUENCE test_audit_attempts`);
  await t.db.prisma.$executeRawUnsafe(
    `CREATE FUNCTION test_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM nextval('test_audit_attempts'); RAISE EXCEPTION 'audit down'; END $$`,
  );
  await t.db.prisma.$executeRawUnsafe(
    `CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_audit_down()`,
  );
  return {
    attempts: async () =>
      (
        await t.db.prisma.$queryRawUnsafe<{ n: number }[]>(
          `SELECT CASE WHEN is_called THEN last_value ELSE 0 END::int AS n FROM test_audit_attempts`,
        )
      )[0]!.n,
    up: () => t.db.prisma.$executeRawUnsafe(`DROP TRIGGER test_audit_down ON audit_events`),
  };
}

/** Everything but the audit trail itself. */
const beyondAudit = async () => {
  const { audit_events: _events, audit_event_counts: _counts, ...rest } = await everyTable(t.db.prisma);
  return rest;
};

const signInAll = async () => {
  for (const username of Object.values(ACCOUNT)) await t.as(username)({ url: "/api/auth/me" });
};

describe("audit in the same transaction: every write route", () => {
  it("lists every write route the app registers; each has a successful request or is exempt by name", async () => {
    await t.app.ready();
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter(isWrite);
    expect(WRITES.map((r) => r.route).sort()).toEqual(registered.sort());
    const lacking = WRITES.filter((r) => !PREPARED[r.route] && !fromMatrix(r, ids)).map((r) => r.route);
    // A failure here: a write route whose matrix request succeeds for nobody, with no request of its own here.
    expect(lacking).toEqual([]);
    for (const route of [
      ...Object.keys(PREPARED),
      ...Object.keys(EXEMPT),
      ...AUDIT_ONLY,
      ...Object.keys(BEFORE_THE_TRANSACTION),
    ])
      expect(
        WRITES.map((r) => r.route),
        `${route} is no write route of the app`,
      ).toContain(route);
  });

  it.each(WRITES.filter((r) => !EXEMPT[r.route]).map((r) => [r.route, r] as const))(
    "%s: while audit inserts fail, 500 in the standard shape and no table changes; then it succeeds",
    async (route, row) => {
      await signInAll();
      const write = await success(row);
      const audit = await auditDown();
      const outside = BEFORE_THE_TRANSACTION[route]?.table;
      const tables = async () => {
        const { [outside ?? ""]: _outside, ...rest } = await everyTable(t.db.prisma);
        return rest;
      };
      const before = await tables();
      const res = await send(write);
      expect(res.statusCode, res.body).toBe(500);
      expect(ErrorResponseSchema.strict().parse(res.json()).error).toMatchObject({
        code: "INTERNAL",
        message: "Internal server error",
      });
      expect(await audit.attempts(), "the route tried to write its audit event").toBeGreaterThan(0);
      expect(await tables()).toEqual(before);
      // The same request with the audit trail back: it succeeds, and the tables show its change.
      await audit.up();
      const cleanBefore = await beyondAudit();
      const again = await send(write);
      expect(ok(again.statusCode), `${again.statusCode} ${again.body}`).toBe(true);
      if (!AUDIT_ONLY.has(route)) expect(await beyondAudit()).not.toEqual(cleanBefore);
    },
  );

  it.each(Object.entries(EXEMPT))(
    "%s is exempt (%s): it succeeds while audit inserts fail, trying none",
    async (route) => {
      await signInAll();
      const row = WRITES.find((r) => r.route === route)!;
      const write = await success(row);
      const audit = await auditDown();
      const res = await send(write);
      expect(ok(res.statusCode), `${res.statusCode} ${res.body}`).toBe(true);
      expect(await audit.attempts()).toBe(0);
    },
  );
});
