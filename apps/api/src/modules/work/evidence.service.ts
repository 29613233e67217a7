import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import {
  detectEvidenceType,
  EVIDENCE_SNIFF_BYTES,
  EVIDENCE_TYPES,
  EvidenceFileSchema,
  TEXT_MAX,
  type EvidenceFile,
  type EvidenceList,
  type WorkStatus,
} from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { newStorageKey, type FileStore } from "../../lib/file-store.js";
import { requireActFor } from "../../lib/work-rules.js";
import type { WorkType } from "./work-completion.js";

const evidenceSelect = {
  id: true,
  milestoneId: true,
  itemId: true,
  storageKey: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  uploadedAt: true,
  uploadedBy: { select: { displayName: true } },
  withdrawnAt: true,
  withdrawReason: true,
  withdrawnBy: { select: { displayName: true } },
} satisfies Prisma.EvidenceFileSelect;
type EvidenceRow = Prisma.EvidenceFileGetPayload<{ select: typeof evidenceSelect }>;

const present = (row: EvidenceRow): EvidenceFile =>
  EvidenceFileSchema.parse({
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy?.displayName ?? null,
    withdrawn: row.withdrawnAt
      ? {
          at: row.withdrawnAt.toISOString(),
          by: row.withdrawnBy?.displayName ?? null,
          reason: row.withdrawReason ?? "",
        }
      : null,
  });

/** The record an evidence file belongs to, as the rules need it. */
type Owner = {
  type: WorkType;
  id: string;
  projectId: string;
  status: WorkStatus;
  responsibleDepartmentId: string | null;
  /** 配合单位: they attach evidence too (only the lead moves the status). */
  cooperatingDepartmentIds: string[];
  withdrawn: boolean;
};

const TABLE = { milestone: "milestones", item: "items" } as const;

/**
 * The milestone or item, read in the caller's transaction; `lock` takes its row first
 * (`FOR UPDATE`), so a completion and an upload or a withdrawal of evidence queue on it.
 */
async function findOwner(tx: Tx, type: WorkType, id: string, lock: boolean): Promise<Owner> {
  const rows = await tx.$queryRaw<
    { projectId: string; status: WorkStatus; responsibleDepartmentId: string | null; withdrawnAt: Date | null }[]
  >`SELECT "projectId", status, "responsibleDepartmentId", "withdrawnAt" FROM ${Prisma.raw(TABLE[type])}
    WHERE id = ${id}::uuid ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  const row = rows[0];
  if (!row) throw AppError.notFound(type === "milestone" ? "Milestone" : "Item");
  const cooperating = await tx.cooperation.findMany({
    where: type === "milestone" ? { milestoneId: id } : { itemId: id },
    select: { departmentId: true },
  });
  return {
    type,
    id,
    ...row,
    cooperatingDepartmentIds: cooperating.map((c) => c.departmentId),
    withdrawn: row.withdrawnAt !== null,
  };
}

/**
 * Who may attach or withdraw evidence: whoever may complete the record (its department's
 * coordinator, the office, the working group) and the coordinators of the departments
 * cooperating on it (配合单位); not on a withdrawn record (409), nor once the record is done (its
 * evidence is what was verified or reported).
 */
function requireChangeable(ctx: ServiceContext, owner: Owner) {
  requireActFor(ctx.actor.user, "work.update", [owner.responsibleDepartmentId, ...owner.cooperatingDepartmentIds]);
  if (owner.withdrawn) throw new AppError("CONFLICT", "The record was withdrawn; it changes no more");
  if (owner.status === "done")
    throw AppError.invalid("params.id", "work_done", "The record is done: its evidence changes no more");
}

/** Checks, before a byte of the file is read, that the user may attach evidence to this record. */
export async function authorizeUpload(ctx: ServiceContext, type: WorkType, id: string): Promise<void> {
  requireChangeable(ctx, await findOwner(ctx.db as unknown as Tx, type, id, false));
}

const recordKey = (type: WorkType) => (type === "milestone" ? "milestoneId" : "itemId");

/** A record's evidence files, oldest first (withdrawn ones too, marked), with what an upload may be. */
export async function listEvidence(
  ctx: ServiceContext,
  { type, id, maxBytes }: { type: WorkType; id: string; maxBytes: number },
): Promise<EvidenceList> {
  await findOwner(ctx.db as unknown as Tx, type, id, false);
  const rows = await ctx.db.evidenceFile.findMany({
    where: { [recordKey(type)]: id },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
    select: evidenceSelect,
  });
  return { files: rows.map(present), maxBytes, types: [...EVIDENCE_TYPES] };
}

/** A file name as it may be stored: the last part of what was sent, trimmed, NFC, 1–200 characters. */
function cleanFileName(given: string): string {
  const name = (given.split(/[\\/]/).pop() ?? "").normalize("NFC").trim();
  if (!name) throw AppError.invalid("body.file", "too_small", "the file needs a name", { minimum: 1 });
  if (name.length > TEXT_MAX.fileName)
    throw AppError.invalid("body.file", "too_big", `a file name of at most ${TEXT_MAX.fileName} characters`, {
      maximum: TEXT_MAX.fileName,
    });
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]|[\ud800-\udfff]/.test(name))
    throw AppError.invalid("body.file", "invalid_characters", "the file name holds control characters");
  return name;
}

/**
 * 证明材料: stores an uploaded file for a milestone or an item. The type is read from the
 * file's first bytes (JPEG, PNG, WebP, GIF, PDF), never from its name or the declared type:
 * anything else is 415. The bytes go to the file store first; the row and its audit entry are
 * written in one transaction under the record's row lock (a record done meanwhile refuses),
 * and the stored bytes are removed again when that fails.
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  store: FileStore,
  { type, id, fileName, bytes }: { type: WorkType; id: string; fileName: string; bytes: Buffer },
): Promise<EvidenceFile> {
  const name = cleanFileName(fileName);
  const contentType = detectEvidenceType(bytes.subarray(0, EVIDENCE_SNIFF_BYTES));
  if (!contentType)
    throw new AppError("EVIDENCE_TYPE_NOT_ALLOWED", "Only photos and scans are accepted: JPEG, PNG, WebP, GIF or PDF", [
      {
        path: "body.file",
        reason: "invalid_value",
        message: "not a JPEG, PNG, WebP, GIF or PDF file",
        params: { expected: EVIDENCE_TYPES.join(", ") },
      },
    ]);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = newStorageKey(ctx.clock.now());
  await store.put(storageKey, bytes, contentType);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const owner = await findOwner(tx, type, id, true);
      requireChangeable(ctx, owner);
      const created = present(
        await tx.evidenceFile.create({
          data: {
            [recordKey(type)]: id,
            storageKey,
            fileName: name,
            contentType,
            sizeBytes: bytes.length,
            sha256,
            uploadedById: ctx.actor.id,
            uploadedAt: ctx.clock.now(),
          },
          select: evidenceSelect,
        }),
      );
      await audit(tx, ctx.actor, {
        action: "evidence_add",
        entityType: type,
        entityId: id,
        projectId: owner.projectId,
        after: { evidence: { id: created.id, fileName: name, contentType, sizeBytes: bytes.length, sha256 } },
      });
      return created;
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => {});
    throw error;
  }
}

const ownerOf = (row: { milestoneId: string | null; itemId: string | null }) =>
  row.milestoneId ? { type: "milestone" as const, id: row.milestoneId } : { type: "item" as const, id: row.itemId! };

/**
 * 撤回: an evidence file attached by mistake is withdrawn with a reason while its record is not
 * done. The row and the bytes stay (the audit trail refers to them); lists show it struck through.
 */
export async function withdrawEvidence(
  ctx: ServiceContext,
  { id, reason }: { id: string; reason: string },
): Promise<EvidenceFile> {
  return ctx.db.$transaction(async (tx) => {
    const found = await tx.evidenceFile.findUnique({ where: { id }, select: evidenceSelect });
    if (!found) throw AppError.notFound("Evidence file");
    const { type, id: recordId } = ownerOf(found);
    const owner = await findOwner(tx, type, recordId, true);
    requireChangeable(ctx, owner);
    const { count } = await tx.evidenceFile.updateMany({
      where: { id, withdrawnAt: null },
      data: { withdrawnAt: ctx.clock.now(), withdrawnById: ctx.actor.id, withdrawReason: reason },
    });
    const current = present((await tx.evidenceFile.findUnique({ where: { id }, select: evidenceSelect }))!);
    if (count !== 1) throw new AppError("CONFLICT", "The evidence file was withdrawn already", undefined, current);
    await audit(tx, ctx.actor, {
      action: "evidence_withdraw",
      entityType: type,
      entityId: recordId,
      projectId: owner.projectId,
      before: { evidence: { id, fileName: found.fileName, withdrawn: null } },
      after: { evidence: { id, fileName: found.fileName, withdrawn: current.withdrawn } },
    });
    return current;
  });
}

/** An evidence file's bytes and what to call them, for whoever may read the record (every reader). */
export async function openEvidence(
  ctx: ServiceContext,
  store: FileStore,
  { id }: { id: string },
): Promise<{ file: EvidenceFile; stream: Readable }> {
  const row = await ctx.db.evidenceFile.findUnique({ where: { id }, select: evidenceSelect });
  if (!row) throw AppError.notFound("Evidence file");
  return { file: present(row), stream: await store.get(row.storageKey) };
}

/** How many evidence files a record has that are not withdrawn (a withdrawal of the record waits for them). */
export const activeEvidenceCount = (tx: Tx, type: WorkType, id: string) =>
  tx.evidenceFile.count({ where: { [recordKey(type)]: id, withdrawnAt: null } });
