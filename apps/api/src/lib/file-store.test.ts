import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- s3rver ships no types
import S3rver from "s3rver";
import { filesystemStore, newStorageKey, s3Store, type FileStore } from "./file-store.js";
import { TINY_PNG } from "../test/evidence.js";

/** The same round trip for every store: put, get the same bytes back, delete, 404. */
async function roundTrip(store: FileStore) {
  const key = newStorageKey(new Date("2026-11-25T02:00:00Z"));
  expect(key).toMatch(/^evidence\/2026-11\/[0-9a-f-]{36}$/);
  await store.put(key, TINY_PNG, "image/png");
  expect(await buffer(await store.get(key))).toEqual(TINY_PNG);
  await store.delete(key);
  await expect(store.get(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await store.delete(key); // deleting what is gone is no error
}

describe("filesystem store", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "resettle-fs-store-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("keeps bytes under the directory, by month, and gives them back", async () => {
    const store = filesystemStore(root);
    await roundTrip(store);
    const key = newStorageKey(new Date());
    await store.put(key, TINY_PNG, "image/png");
    const [, month, name] = key.split("/");
    expect(await readdir(path.join(root, "evidence", month!))).toEqual([name]); // no .part left
  });

  it("refuses keys that would leave the directory", async () => {
    const store = filesystemStore(root);
    for (const key of ["../etc/passwd", "evidence/../../x", "/abs", "evidence//x", "Evidence/X"])
      await expect(store.put(key, TINY_PNG, "image/png")).rejects.toThrow(/not a storage key/);
  });
});

describe("S3-compatible store, against a real local S3 server (s3rver)", () => {
  let server: { close(): Promise<void> };
  let endpoint: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "resettle-s3rver-"));
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: dir,
      configureBuckets: [{ name: "resettle-evidence" }],
    });
    const { port } = (await (server as unknown as { run(): Promise<{ port: number }> }).run()) as { port: number };
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const store = () =>
    s3Store({
      endpoint,
      region: "us-east-1",
      bucket: "resettle-evidence",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    });

  it("puts, gets, deletes; a missing key is 404", async () => {
    await roundTrip(store());
  });

  it("keeps the content type it was given", async () => {
    const s = store();
    const key = newStorageKey(new Date());
    await s.put(key, TINY_PNG, "image/png");
    const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
    const head = await s.client.send(new HeadObjectCommand({ Bucket: "resettle-evidence", Key: key }));
    expect(head).toMatchObject({ ContentType: "image/png", ContentLength: TINY_PNG.length });
  });
});
