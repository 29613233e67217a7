import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProjectProblemSchema } from "@resettle/domain";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
let cause: (code: string) => string;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  const causes = await t.db.prisma.cause.findMany({ select: { id: true, code: true } });
  cause = (code) => causes.find((c) => c.code === code)!.id;
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-shuangtaizi"])
    await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const everything = async () => ({
  ...(await snapshot(t.db.prisma)),
  causes: await t.db.prisma.cause.findMany({ orderBy: { id: "asc" } }),
  projectCauses: await t.db.prisma.projectCause.findMany({ orderBy: [{ projectId: "asc" }, { causeId: "asc" }] }),
});
const patch = (user: string, projectId: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "PATCH", url: `/api/projects/${projectId}/problem`, payload });
const detail = async (projectId: string) => {
  const res = await t.as("leader")({ url: `/api/projects/${projectId}` });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    problemCategory: string;
    problemStatement: string | null;
    causes: { id: string; name: string }[];
    version: number;
  };
};
const profileOf = async (projectId: string) => {
  const { problemCategory, problemStatement, causes, version } = await detail(projectId);
  return { problemCategory, problemStatement, causes, version };
};
const auditOf = (projectId: string) =>
  t.db.prisma.auditEvent.findMany({
    where: { entityType: "project", entityId: projectId, action: "problem_update" },
    orderBy: { at: "asc" },
  });
const paths = (res: { json(): { error: { details?: { path: string }[] } } }) => [
  ...new Set(res.json().error.details?.map((d: { path: string }) => d.path)),
];

describe("PATCH /api/projects/:id/problem", () => {
  it("classifies an unclassified project: category, causes, statement; bumps the project's version; audited by name", async () => {
    const before = await profileOf(ids.xiangyang);
    expect(before).toMatchObject({ problemCategory: "none", problemStatement: null, causes: [] });
    const res = await t.as("wg")({
      method: "PATCH",
      url: `/api/projects/${ids.xiangyang}/problem`,
      payload: {
        problemCategory: "individual",
        causeIds: [cause("litigation"), cause("funding_gap")],
        problemStatement: "  开发商涉诉，资金被冻结  ",
        version: before.version,
      },
      headers: { "x-request-id": "problem-update-01" },
    });
    expect(res.statusCode).toBe(200);
    const answer = ProjectProblemSchema.strict().parse(res.json());
    // Causes in the taxonomy's order, whatever order they were sent in.
    expect(answer).toEqual({
      problemCategory: "individual",
      causes: [
        { id: cause("funding_gap"), name: "资金缺口" },
        { id: cause("litigation"), name: "诉讼或司法查封" },
      ],
      problemStatement: "开发商涉诉，资金被冻结",
      version: before.version + 1,
    });
    expect(await profileOf(ids.xiangyang)).toEqual(answer);

    const events = await auditOf(ids.xiangyang);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: ids.wg,
      clientRequestId: "problem-update-01",
      projectId: ids.xiangyang,
      before: { problemCategory: "none", problemStatement: null, causes: [] },
      after: {
        problemCategory: "individual",
        problemStatement: "开发商涉诉，资金被冻结",
        causes: ["资金缺口", "诉讼或司法查封"],
      },
    });
    // The project's history shows it.
    const history = await t.as("leader")({ url: `/api/projects/${ids.xiangyang}/history` });
    expect(JSON.stringify(history.json())).toContain("problem_update");
  });

  it("replaces the set of causes; the audit carries only what changed", async () => {
    const before = await profileOf(ids.hongwei);
    expect(before.causes.map((c) => c.name)).toEqual(["资金缺口", "开发企业违约或破产", "工程停工", "土地或产权问题"]);
    const res = await patch("admin", ids.hongwei, {
      causeIds: [cause("funding_gap"), cause("household_disputes")],
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      problemCategory: "individual",
      causes: [
        { id: cause("funding_gap"), name: "资金缺口" },
        { id: cause("household_disputes"), name: "住户纠纷" },
      ],
      problemStatement: before.problemStatement,
    });
    expect(await t.db.prisma.projectCause.count({ where: { projectId: ids.hongwei } })).toBe(2);
    const [event] = await auditOf(ids.hongwei);
    expect(event!.before).toEqual({ causes: ["资金缺口", "开发企业违约或破产", "工程停工", "土地或产权问题"] });
    expect(event!.after).toEqual({ causes: ["资金缺口", "住户纠纷"] });

    // An empty list clears them; an emptied statement is no statement.
    const cleared = await patch("admin", ids.hongwei, {
      causeIds: [],
      problemStatement: "",
      version: before.version + 1,
    });
    expect(cleared.json()).toMatchObject({ causes: [], problemStatement: null });
    // Leaving causeIds out leaves the causes alone.
    const category = await patch("admin", ids.hongwei, { problemCategory: "common", version: before.version + 2 });
    expect(category.json()).toMatchObject({ problemCategory: "common", causes: [], version: before.version + 3 });
  });

  it("a change to nothing (a form saved twice) writes nothing: same version, no audit row", async () => {
    const before = await profileOf(ids.hongwei);
    const res = await patch("wg", ids.hongwei, {
      problemCategory: before.problemCategory,
      causeIds: before.causes.map((c) => c.id).reverse(),
      problemStatement: ` ${before.problemStatement} `,
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
    expect(await profileOf(ids.hongwei)).toEqual(before);
    expect(await auditOf(ids.hongwei)).toEqual([]);
  });

  it("a retired cause stays where it is but cannot be newly added (400 on its index)", async () => {
    const retire = await t.as("admin")({
      method: "PATCH",
      url: `/api/causes/${cause("land_title")}`,
      payload: { active: false, version: 1 },
    });
    expect(retire.statusCode).toBe(200);
    const hongwei = await profileOf(ids.hongwei); // has 土地或产权问题
    const kept = await patch("wg", ids.hongwei, {
      causeIds: [cause("land_title"), cause("funding_gap")],
      version: hongwei.version,
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().causes.map((c: { name: string }) => c.name)).toEqual(["资金缺口", "土地或产权问题"]);

    const xiangyang = await profileOf(ids.xiangyang);
    const before = await everything();
    const added = await patch("wg", ids.xiangyang, {
      causeIds: [cause("funding_gap"), cause("land_title")],
      version: xiangyang.version,
    });
    expect(added.statusCode).toBe(400);
    expect(added.json().error.details).toEqual([
      {
        path: "body.causeIds.1",
        reason: "retired",
        message: "土地或产权问题 is retired and cannot be added",
        params: { name: "土地或产权问题" },
      },
    ]);
    expect(await everything()).toEqual(before);
  });

  it("refuses invalid fields one by one (400 with the path) and changes nothing", async () => {
    const { version } = await profileOf(ids.xiangyang);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const before = await everything();
    const cases: [Record<string, unknown>, string][] = [
      [{ causeIds: [cause("funding_gap"), unknown], version }, "body.causeIds.1"],
      [{ causeIds: [cause("funding_gap"), cause("funding_gap")], version }, "body.causeIds"],
      [{ causeIds: ["not-a-uuid"], version }, "body.causeIds.0"],
      [{ causeIds: Array.from({ length: 21 }, () => unknown), version }, "body.causeIds"],
      [{ problemCategory: "severe", version }, "body.problemCategory"],
      [{ problemStatement: "字".repeat(1001), version }, "body.problemStatement"],
      [{ problemStatement: 42, version }, "body.problemStatement"],
      [{ problemCategory: "common" }, "body.version"],
      [{ problemCategory: "common", version: 0 }, "body.version"],
    ];
    for (const [payload, path] of cases) {
      const res = await patch("admin", ids.xiangyang, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect(paths(res), JSON.stringify(payload).slice(0, 80)).toEqual([path]);
    }
    // Every unknown cause is reported, each at its index.
    const two = await patch("admin", ids.xiangyang, { causeIds: [unknown, cause("other"), ids.hongwei], version });
    expect(two.json().error.details).toEqual([
      { path: "body.causeIds.0", reason: "unknown_reference", message: "No such cause" },
      { path: "body.causeIds.2", reason: "unknown_reference", message: "No such cause" },
    ]);
    expect(await everything()).toEqual(before);
  });

  it("an unknown project is 404", async () => {
    const res = await patch("admin", "00000000-0000-4000-8000-000000000000", { problemCategory: "common", version: 1 });
    expect(res.statusCode).toBe(404);
  });

  it("is refused to coordinators (even the responsible one) and leaders (403), anonymous (401); nothing changes", async () => {
    const { version } = await profileOf(ids.xiangyang);
    const before = await everything();
    for (const user of ["coord-zhujian", "coord-shuangtaizi", "leader"]) {
      const res = await patch(user, ids.xiangyang, { problemCategory: "individual", version });
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    const anonymous = await t.app.inject({
      method: "PATCH",
      url: `/api/projects/${ids.xiangyang}/problem`,
      payload: { problemCategory: "individual", version },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await everything()).toEqual(before);
  });

  it("the profile is part of the project record: a stale project version is 409 with the current profile", async () => {
    const start = await profileOf(ids.xiangyang);
    // A progress report moves the project on.
    const report = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/projects/${ids.xiangyang}/progress-reports`,
      payload: { reportedOn: "2026-11-20", households: 3, note: "回迁" },
    });
    expect(report.statusCode).toBe(201);
    const before = await everything();
    const stale = await patch("wg", ids.xiangyang, { problemCategory: "individual", version: start.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "CONFLICT",
      current: { ...start, version: start.version + 1 },
    });
    expect(await everything()).toEqual(before);
  });

  it("two editors racing with the same version: one wins, the other gets 409 with the winner's profile", async () => {
    const { version } = await profileOf(ids.xiangyang);
    const answers = await raceOnLockedRow(t.db.url, "projects", ids.xiangyang, 2, () =>
      Promise.all([
        patch("wg", ids.xiangyang, { problemCategory: "individual", causeIds: [cause("litigation")], version }),
        patch("admin", ids.xiangyang, { problemCategory: "common", causeIds: [cause("other")], version }),
      ]),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    const loser = answers.find((r) => r.statusCode === 409)!.json();
    expect(loser.error.current).toEqual(winner);
    expect(await profileOf(ids.xiangyang)).toEqual(winner);
    expect(await auditOf(ids.xiangyang)).toHaveLength(1);
  });
});
