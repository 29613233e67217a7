import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { AppError } from "./app-error.js";

/**
 * Where evidence files (证明材料) keep their bytes: one interface, two stores. The database
 * keeps what a file is (name, type, size, SHA-256, who, when) and its `storageKey`; the store
 * only the bytes under that key. Keys are made by the server (`newStorageKey`), never by a client.
 */
export interface FileStore {
  readonly kind: "filesystem" | "s3";
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes as a stream; 404 when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes (a failed upload's cleanup); nothing when absent. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** A new key for a file: `evidence/2026-12/<uuid>` (by month, so that no directory grows without end). */
export function newStorageKey(now: Date): string {
  return `evidence/${now.toISOString().slice(0, 7)}/${randomUUID()}`;
}

function checkKey(key: string) {
  if (!KEY.test(key) || key.split("/").some((part) => part === "" || part === "." || part === ".."))
    throw new Error(`not a storage key: ${key}`);
}

/**
 * Files under a directory on the server's disk (by default beside the embedded Postgres' data,
 * `.data/evidence`). A file is written to a temporary name and renamed, so a reader never sees
 * half of one.
 */
export function filesystemStore(root: string): FileStore {
  const at = (key: string) => {
    checkKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    kind: "filesystem",
    async put(key, bytes) {
      const file = at(key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.part`;
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, file);
    },
    async get(key) {
      const file = at(key);
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) throw AppError.notFound("Evidence file content");
      return createReadStream(file);
    },
    async delete(key) {
      await rm(at(key), { force: true });
    },
  };
}

export type S3Settings = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (`host/bucket/key`), as MinIO and most self-hosted stores want. */
  forcePathStyle: boolean;
};

/**
 * Files in an S3-compatible object store (MinIO, Ceph, a cloud's object storage) in one
 * bucket, which must exist. Checksums are sent only where the protocol requires them:
 * self-hosted stores do not all understand the SDK's newer default trailers.
 */
export function s3Store(settings: S3Settings, extra: Partial<S3ClientConfig> = {}): FileStore & { client: S3Client } {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...extra,
  });
  const Bucket = settings.bucket;
  return {
    kind: "s3",
    client,
    async put(key, bytes, contentType) {
      checkKey(key);
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
      );
    },
    async get(key) {
      checkKey(key);
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!Body) throw AppError.notFound("Evidence file content");
        return Body instanceof Readable ? Body : Readable.fromWeb(Body.transformToWebStream() as never);
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey")
          throw AppError.notFound("Evidence file content");
        throw error;
      }
    },
    async delete(key) {
      checkKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
