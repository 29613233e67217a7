import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { refusal } from "./errors.js";

/**
 * What a completion left on a milestone or an item: the day the work was finished and the
 * department's note (both set by `POST …/completion`; done records from before completions
 * existed have a date but no note), the office's verification (复核) once verified, and the
 * office's reason when it returned the completion (退回, cleared by the next completion).
 */
export const CompletionFieldsSchema = z.object({
  completedOn: IsoDateSchema.nullable(),
  completionNote: z.string().nullable(),
  verifiedAt: IsoDateTimeSchema.nullable(),
  verifiedBy: z.string().nullable(),
  returned: z.object({ at: IsoDateTimeSchema, by: z.string().nullable(), reason: z.string() }).nullable(),
  /** Evidence files (证明材料) attached and not withdrawn. */
  evidenceCount: z.number().int().nonnegative(),
});

/**
 * 完成: the day the work was finished (from the plan's first day to today, never in the
 * future) and a note saying what was done; `version` is the one the department saw.
 */
export const CompletionSchema = z.strictObject({
  completedOn: IsoDateSchema,
  note: z.string().trim().min(1).max(TEXT_MAX.note),
  version: z.number().int().min(1),
});
export type Completion = z.infer<typeof CompletionSchema>;

/** 复核: the office verifies a completion (→ done) or returns it (→ in progress, with the reason). */
export const VerificationSchema = z
  .strictObject({
    decision: z.enum(["verify", "return"]),
    note: z.string().trim().max(TEXT_MAX.note).optional(),
    version: z.number().int().min(1),
  })
  .refine(
    (v) => v.decision !== "return" || !!v.note,
    refusal("reason_required", "returning a completion needs the reason", ["note"]),
  );
export type Verification = z.infer<typeof VerificationSchema>;

/** The kinds of work a verification rule is set for: milestones, items, and items raised by a review (研判会). */
export const VerificationKindSchema = z.enum(["milestone", "item", "review_item"]);
export type VerificationKind = z.infer<typeof VerificationKindSchema>;

/** Whether a completion of this kind of work waits for the office's verification (待复核) before it counts as done. */
export const VerificationRuleSchema = z.object({
  kind: VerificationKindSchema,
  requiresVerification: z.boolean(),
  updatedAt: IsoDateTimeSchema,
  version: z.number().int().min(1),
});
export type VerificationRule = z.infer<typeof VerificationRuleSchema>;

export const VerificationRuleUpdateSchema = z.strictObject({
  kind: VerificationKindSchema,
  requiresVerification: z.boolean(),
  version: z.number().int().min(1),
});
export type VerificationRuleUpdate = z.infer<typeof VerificationRuleUpdateSchema>;

/** The defaults: only an item raised by a review must be verified. */
export const DEFAULT_VERIFICATION: Record<VerificationKind, boolean> = {
  milestone: false,
  item: false,
  review_item: true,
};

/** The kind of work a record is, for its verification rule. */
export const verificationKindOf = (type: "milestone" | "item", fromReview: boolean): VerificationKind =>
  type === "milestone" ? "milestone" : fromReview ? "review_item" : "item";

/** The largest evidence file, unless the server is configured otherwise (EVIDENCE_MAX_MB). */
export const EVIDENCE_MAX_MB_DEFAULT = 20;

/** The kinds of evidence file accepted: photos and scanned documents. */
export const EVIDENCE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file by its first bytes (magic numbers), never by its name or the type its
 * sender declared; null when it is none of the accepted kinds. Server and web ask this one rule.
 */
export function detectEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

/** How many leading bytes `detectEvidenceType` reads. */
export const EVIDENCE_SNIFF_BYTES = 16;

/** One evidence file (证明材料) of a milestone or an item. */
export const EvidenceFileSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  contentType: z.enum(EVIDENCE_TYPES),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: IsoDateTimeSchema,
  uploadedBy: z.string().nullable(),
  /** Withdrawn (撤回) with a reason while the record was not done; kept, listed, struck through. */
  withdrawn: z.object({ at: IsoDateTimeSchema, by: z.string().nullable(), reason: z.string() }).nullable(),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

/** A record's evidence files, oldest first, with what an upload may be. */
export const EvidenceListSchema = z.object({
  files: z.array(EvidenceFileSchema),
  maxBytes: z.number().int().positive(),
  types: z.array(z.enum(EVIDENCE_TYPES)),
});
export type EvidenceList = z.infer<typeof EvidenceListSchema>;

export const EvidenceWithdrawSchema = z.strictObject({ reason: z.string().trim().min(1).max(TEXT_MAX.note) });
export type EvidenceWithdraw = z.infer<typeof EvidenceWithdrawSchema>;
