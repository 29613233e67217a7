import { readdir } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EvidenceFileSchema, EvidenceListSchema } from "@resettle/domain";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { multipartFile, TINY_PDF, TINY_PNG } from "../../test/evidence.js";
import { createTestApp, eachTestApp, type TestApp } from "../../test/test-app.js";
import { contentDisposition } from "../../lib/file-answer.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});
beforeEach(async () => {
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-fayuan"])
    await t.as(user)({ url: "/api/auth/me" });
});

type Kind = "milestones" | "items";
const upload = (user: string, kind: Kind, id: string, file: ReturnType<typeof multipartFile>) =>
  t.as(user)({ method: "POST", url: `/api/${kind}/${id}/evidence`, ...file });
const list = async (kind: Kind, id: string) =>
  EvidenceListSchema.parse((await t.as("leader")({ url: `/api/${kind}/${id}/evidence` })).json());
/** Every file the test's store holds. */
const storedFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
};
const NAME = "许可证 扫描件（第1页）.png";

describe("POST /api/{milestones,items}/:id/evidence", () => {
  it("stores a photo for the responsible department, typed by its bytes; listed, downloadable by any reader under its name", async () => {
    const id = ids.work.xuefuyuanPermitItem; // 住建's
    const res = await upload(
      "coord-zhujian",
      "items",
      id,
      multipartFile(NAME, TINY_PNG, { contentType: "text/plain" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = EvidenceFileSchema.parse(res.json());
    expect(file).toMatchObject({
      fileName: NAME,
      contentType: "image/png", // its bytes, not what the sender declared
      sizeBytes: TINY_PNG.length,
      sha256: createHash("sha256").update(TINY_PNG).digest("hex"),
      withdrawn: null,
    });
    expect((await list("items", id)).files).toEqual([file]);
    const item = await t.as("leader")({ url: `/api/projects/${ids.xuefuyuan}/items` });
    expect(item.json().find((i: { id: string }) => i.id === id).evidenceCount).toBe(1);

    const download = await t.as("leader")({ url: `/api/evidence/${file.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(TINY_PNG);
    expect(download.headers["content-type"]).toBe("image/png");
    expect(download.headers["content-disposition"]).toBe(contentDisposition(NAME));
    expect(download.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect((await t.as("admin")({ url: `/api/evidence/${file.id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/evidence/${file.id}` })).statusCode).toBe(401);

    const [event] = await t.db.prisma.auditEvent.findMany({ where: { entityId: id, action: "evidence_add" } });
    expect(event).toMatchObject({
      entityType: "item",
      projectId: ids.xuefuyuan,
      after: { evidence: { id: file.id, fileName: NAME } },
    });
  });

  it("accepts a PDF on a milestone, for the working group too", async () => {
    const res = await upload("wg", "milestones", ids.work.xuefuyuanPermit, multipartFile("验收报告.pdf", TINY_PDF));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contentType).toBe("application/pdf");
  });

  it("refuses a file that is not a photo or a scan, whatever its name and declared type: 415 with its own code, nothing stored", async () => {
    const before = await snapshot(t.db.prisma);
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const res = await upload(
      "coord-zhujian",
      "items",
      ids.work.xuefuyuanPermitItem,
      multipartFile("photo.png", html, { contentType: "image/png" }),
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: "EVIDENCE_TYPE_NOT_ALLOWED",
      details: [expect.objectContaining({ path: "body.file", reason: "invalid_value" })],
    });
    const empty = await upload(
      "coord-zhujian",
      "items",
      ids.work.xuefuyuanPermitItem,
      multipartFile("empty.png", Buffer.alloc(0)),
    );
    expect(empty.statusCode).toBe(415);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect(await t.db.prisma.evidenceFile.count()).toBe(0);
    expect(await storedFiles(t.evidenceDir)).toEqual([]);
  });

  it("is for those who may complete the record: another department's coordinator and the leader 403, before reading the file", async () => {
    const before = await snapshot(t.db.prisma);
    const file = multipartFile(NAME, TINY_PNG);
    expect((await upload("coord-fayuan", "items", ids.work.xuefuyuanPermitItem, file)).statusCode).toBe(403);
    expect((await upload("leader", "items", ids.work.xuefuyuanPermitItem, file)).statusCode).toBe(403);
    expect((await upload("coord-zhujian", "milestones", ids.work.xiangyangMoveBack, file)).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect(await storedFiles(t.evidenceDir)).toEqual([]);
  });

  it("refuses evidence on done work, a missing file, and a body that is not multipart", async () => {
    const done = await upload("admin", "milestones", ids.work.xiangyangPermits, multipartFile(NAME, TINY_PNG)); // done
    expect(done.statusCode).toBe(400);
    expect(done.json().error.details[0]).toMatchObject({ path: "params.id", reason: "work_done" });
    const wrongField = await upload(
      "coord-zhujian",
      "items",
      ids.work.xuefuyuanPermitItem,
      multipartFile(NAME, TINY_PNG, { field: "photo" }),
    );
    expect(wrongField.statusCode).toBe(400);
    const json = await t.as("coord-zhujian")({
      method: "POST",
      url: `/api/items/${ids.work.xuefuyuanPermitItem}/evidence`,
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(415);
    expect(await storedFiles(t.evidenceDir)).toEqual([]);
  });

  it("withdraws a file with a reason while the record is not done; the record is then withdrawable", async () => {
    const id = ids.work.xuefuyuanPermitItem;
    const file = EvidenceFileSchema.parse(
      (await upload("coord-zhujian", "items", id, multipartFile(NAME, TINY_PNG))).json(),
    );
    const blocked = await t.as("admin")({
      method: "POST",
      url: `/api/items/${id}/withdraw`,
      payload: { reason: "误建", version: 1 },
    });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.details[0]).toMatchObject({ reason: "has_evidence", params: { count: 1 } });

    const withdraw = (user: string, payload: Record<string, unknown>) =>
      t.as(user)({ method: "POST", url: `/api/evidence/${file.id}/withdraw`, payload });
    expect((await withdraw("coord-fayuan", { reason: "传错" })).statusCode).toBe(403);
    expect((await withdraw("coord-zhujian", { reason: " " })).statusCode).toBe(400);
    const res = await withdraw("coord-zhujian", { reason: "传错文件" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().withdrawn).toMatchObject({ reason: "传错文件" });
    expect((await withdraw("coord-zhujian", { reason: "再撤回" })).statusCode).toBe(409);
    expect((await list("items", id)).files[0]?.withdrawn?.reason).toBe("传错文件");
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: id, action: "evidence_withdraw" } })).toBe(1);

    const withdrawn = await t.as("admin")({
      method: "POST",
      url: `/api/items/${id}/withdraw`,
      payload: { reason: "误建", version: 1 },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  });

  it("keeps the evidence of done work: no upload, no withdrawal once the record is done", async () => {
    const id = ids.work.xuefuyuanPermitItem;
    const file = EvidenceFileSchema.parse(
      (await upload("coord-zhujian", "items", id, multipartFile(NAME, TINY_PNG))).json(),
    );
    const done = await t.as("coord-zhujian")({
      method: "POST",
      url: `/api/items/${id}/completion`,
      payload: { completedOn: "2026-11-24", note: "已办结", version: 1 },
    });
    expect(done.json().status).toBe("done");
    const res = await t.as("coord-zhujian")({
      method: "POST",
      url: `/api/evidence/${file.id}/withdraw`,
      payload: { reason: "x" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ reason: "work_done" });
  });
});

describe("the size limit (EVIDENCE_MAX_MB)", () => {
  let small: TestApp;
  afterEach(() => small?.close());

  it("refuses a file over the limit with 413 and its own code, naming the limit; nothing stored", async () => {
    small = await createTestApp({ evidence: { maxBytes: 1024 } });
    const seeded = await seededIds(small.db.prisma);
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(2048)]);
    const res = await small.as("coord-zhujian")({
      method: "POST",
      url: `/api/items/${seeded.work.xuefuyuanPermitItem}/evidence`,
      ...multipartFile(NAME, big),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "EVIDENCE_TOO_LARGE",
      details: [expect.objectContaining({ path: "body.file", reason: "too_big", params: { maximum: 1024 } })],
    });
    expect(await small.db.prisma.evidenceFile.count()).toBe(0);
    expect(await storedFiles(small.evidenceDir)).toEqual([]);
    const fits = await small.as("coord-zhujian")({
      method: "POST",
      url: `/api/items/${seeded.work.xuefuyuanPermitItem}/evidence`,
      ...multipartFile(NAME, TINY_PNG),
    });
    expect(fits.statusCode).toBe(201);
  });
});
