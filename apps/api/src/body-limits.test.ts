import { readdir } from "node:fs/promises";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { EVIDENCE_MAX_MB_DEFAULT, HOUSEHOLD_IMPORT_MAX_BYTES } from "@resettle/domain";
import { BODY_LIMIT, REVIEW_BODY_LIMIT } from "./lib/body-limits.js";
import { multipartFile, TINY_PNG } from "./test/evidence.js";
import { snapshot, type SeededIds } from "./test/fixtures.js";
import { ACCOUNT, MATRIX, type Role, type Row } from "./test/route-matrix.js";
import { eachTestApp, type TestApp } from "./test/test-app.js";

/**
 * Request body limits per route (lib/body-limits.ts): every write route the app registers is
 * sent, as a role the route lets through (the administrator where it may: nothing but the size stands in the way), a body one byte over
 * its limit — 413 in the standard shape, nothing changed — and a body of exactly its limit,
 * which is read (refused for what it says, never for its size). The routes come from the
 * permission matrix, which holds exactly the routes the app registers (permission-matrix.test.ts).
 */

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const EVIDENCE_MAX_BYTES = EVIDENCE_MAX_MB_DEFAULT * 1024 * 1024;
const LARGER_JSON: Record<string, number> = {
  "POST /api/reviews": REVIEW_BODY_LIMIT,
  "PATCH /api/reviews/:id": REVIEW_BODY_LIMIT,
};
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const routeOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const isMultipart = (request: InjectOptions) =>
  String((request.headers as Record<string, unknown> | undefined)?.["content-type"] ?? "").startsWith(
    "multipart/form-data",
  );

/** The write routes, each with a role it lets through (the administrator first) and the matrix's request for it. */
function writeRows() {
  return MATRIX.filter((row) => WRITE_METHODS.has(row.route.split(" ")[0]!)).map((row) => {
    const role = (["admin", "working_group", "coordinator", "leader"] as const).find(
      (r) => row.expect[r] !== 401 && row.expect[r] !== 403,
    );
    if (!role) throw new Error(`${row.route} lets no one through`);
    return { row, role, request: row.request(ids, role) };
  });
}

/** A JSON body of exactly `bytes` bytes: the matrix's valid body with a field of padding. */
function paddedJson(payload: unknown, bytes: number) {
  const base = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  const empty = JSON.stringify({ ...base, padding: "" });
  const body = JSON.stringify({ ...base, padding: "x".repeat(bytes - Buffer.byteLength(empty)) });
  expect(Buffer.byteLength(body)).toBe(bytes);
  return body;
}

const send = (role: Exclude<Role, "anonymous">, request: InjectOptions) => t.as(ACCOUNT[role])(request);
const signInAll = () => Promise.all(Object.values(ACCOUNT).map((username) => t.as(username)({ url: "/api/auth/me" })));

/** The file size an upload route allows. */
const uploadLimit = (row: Row) => (row.route.includes("/evidence") ? EVIDENCE_MAX_BYTES : HOUSEHOLD_IMPORT_MAX_BYTES);

describe("request body limits", () => {
  it("knows every write route the app registers", async () => {
    await t.app.ready();
    const registered = t.app.apiRoutes.filter((r) => WRITE_METHODS.has(r.method)).map(routeOf);
    const swept = writeRows().map(({ row }) => row.route);
    expect(registered.length).toBeGreaterThan(50);
    expect(swept.sort()).toEqual(registered.sort());
    for (const route of Object.keys(LARGER_JSON)) expect(registered).toContain(route);
  });

  it("refuses a JSON body one byte over the route's limit with 413, and reads one of exactly the limit", async () => {
    await signInAll(); // before the snapshot
    const before = await snapshot(t.db.prisma);
    const rows = writeRows().filter(({ request }) => !isMultipart(request));
    for (const { row, role, request } of rows) {
      const limit = LARGER_JSON[row.route] ?? BODY_LIMIT;
      const over = await send(role, {
        ...request,
        headers: { ...request.headers, "content-type": "application/json" },
        payload: paddedJson(request.payload, limit + 1),
      });
      expect(over.statusCode, `${row.route} with ${limit + 1} bytes`).toBe(413);
      expect(over.json(), row.route).toMatchObject({
        error: { code: "PAYLOAD_TOO_LARGE", requestId: expect.any(String) },
      });
      // Exactly the limit is read through: here, JSON that does not parse, so that nothing is written.
      const at = await send(role, {
        ...request,
        headers: { ...request.headers, "content-type": "application/json" },
        payload: `{${" ".repeat(limit - 1)}`,
      });
      expect(at.statusCode, `${row.route} with ${limit} bytes`).toBe(400);
      expect(at.json().error.code, row.route).toBe("VALIDATION_FAILED");
    }
    expect(rows.length).toBeGreaterThan(50);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("takes a review written to the schema's limits, larger than the default body, whole", async () => {
    const findings = "研".repeat(4000);
    const review = await t.as("admin")({ url: `/api/reviews/${ids.review}` });
    expect(review.statusCode).toBe(200);
    const { group, heldOn, attendees, projects } = review.json() as {
      group: { id: string };
      heldOn: string;
      attendees: { id: string }[];
      projects: { project: { id: string } }[];
    };
    const project = projects[0]!;
    const payload = {
      groupId: group.id,
      heldOn,
      attendeePersonIds: attendees.map((a) => a.id),
      projects: [
        {
          projectId: project.project.id,
          findings,
          decisions: findings,
          actions: Array.from({ length: 50 }, (_, i) => ({
            title: `${i}`.padEnd(500, "整"),
            departmentId: ids.zhujian,
            personId: null,
            dueDate: "2026-12-31",
          })),
        },
      ],
    };
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeGreaterThan(BODY_LIMIT);
    const res = await t.as("admin")({ method: "POST", url: "/api/reviews", payload });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("refuses an upload one byte over its file size with 413, storing nothing, and takes one of exactly the size", async () => {
    await signInAll();
    const before = await snapshot(t.db.prisma);
    const uploads = writeRows().filter(({ request }) => isMultipart(request));
    expect(uploads.map(({ row }) => row.route).sort()).toEqual([
      "POST /api/items/:id/evidence",
      "POST /api/milestones/:id/evidence",
      "POST /api/plans/import",
      "POST /api/projects/:id/households/import",
      "POST /api/projects/:id/households/import/annotated",
      "POST /api/projects/:id/subsidy/payments/import",
      "POST /api/projects/:id/subsidy/payments/import/annotated",
    ]);
    for (const { row, role, request } of uploads) {
      const limit = uploadLimit(row);
      // A PNG's first bytes, so that an evidence route would take it for one.
      const file = (size: number) => Buffer.concat([TINY_PNG, Buffer.alloc(size - TINY_PNG.length, 1)]);
      const over = await send(role, { ...request, ...multipartFile("过大.png", file(limit + 1)) });
      expect(over.statusCode, `${row.route} with ${limit + 1} bytes`).toBe(413);
      expect(over.json().error.code, row.route).toMatch(/^(PAYLOAD|EVIDENCE)_TOO_LARGE$/);
      expect(over.json().error.details, row.route).toEqual([
        expect.objectContaining({ path: "body.file", params: { maximum: limit } }),
      ]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect(await readdir(t.evidenceDir)).toEqual([]);

    // Exactly the size: an evidence file is stored; an import is read and refused for what it is.
    for (const { row, role, request } of uploads) {
      const limit = uploadLimit(row);
      const file = Buffer.concat([TINY_PNG, Buffer.alloc(limit - TINY_PNG.length, 1)]);
      const at = await send(role, { ...request, ...multipartFile("正好.png", file) });
      if (row.route.includes("/evidence")) {
        expect(at.statusCode, row.route).toBe(201);
        expect(at.json(), row.route).toMatchObject({ sizeBytes: limit });
      } else {
        // Not a workbook (415, or 422 when the plan's reader finds no sheet in it): read, not 413.
        expect([415, 422], `${row.route} with ${limit} bytes: ${at.body.slice(0, 200)}`).toContain(at.statusCode);
      }
    }
  });
});
