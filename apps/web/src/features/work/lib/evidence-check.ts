import { detectEvidenceType, EVIDENCE_SNIFF_BYTES } from "@resettle/domain";

/** Why a chosen file cannot be evidence, before it is sent: too large, or not a photo or a scan (by its bytes). */
export type EvidenceRefusal = { name: string; reason: "tooLarge" | "badType" };

/** The server's own checks, run on the chosen file first so the user hears at once (the server still judges). */
export async function checkEvidenceFile(file: File, maxBytes: number): Promise<EvidenceRefusal | null> {
  if (file.size > maxBytes) return { name: file.name, reason: "tooLarge" };
  const head = new Uint8Array(await file.slice(0, EVIDENCE_SNIFF_BYTES).arrayBuffer());
  return detectEvidenceType(head) ? null : { name: file.name, reason: "badType" };
}

/** Megabytes, as the limit is configured (EVIDENCE_MAX_MB). */
export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
