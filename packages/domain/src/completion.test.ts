import { describe, expect, it } from "vitest";
import { CompletionSchema, detectEvidenceType, VerificationSchema, verificationKindOf } from "./completion.js";

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe("evidence types, by their first bytes", () => {
  it("knows JPEG, PNG, GIF, WebP and PDF", () => {
    expect(detectEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(detectEvidenceType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(detectEvidenceType(bytes("GIF89a"))).toBe("image/gif");
    expect(detectEvidenceType(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).toBe("image/webp");
    expect(detectEvidenceType(bytes("%PDF-1.7"))).toBe("application/pdf");
  });

  it("refuses anything else, whatever it is called: HTML, an executable, a RIFF that is not WebP, nothing", () => {
    expect(detectEvidenceType(bytes("<html>"))).toBeNull();
    expect(detectEvidenceType(bytes("MZ", 0x90, 0))).toBeNull();
    expect(detectEvidenceType(bytes("RIFF", 0, 0, 0, 0, "WAVE"))).toBeNull();
    expect(detectEvidenceType(bytes(0x89, "PN"))).toBeNull();
    expect(detectEvidenceType(new Uint8Array())).toBeNull();
  });
});

describe("completion and verification bodies", () => {
  it("needs a note for a completion and a reason for a return", () => {
    expect(CompletionSchema.safeParse({ completedOn: "2026-11-20", note: "  ", version: 1 }).success).toBe(false);
    expect(VerificationSchema.safeParse({ decision: "verify", version: 1 }).success).toBe(true);
    const returned = VerificationSchema.safeParse({ decision: "return", note: " ", version: 1 });
    expect(returned.error?.issues[0]).toMatchObject({ path: ["note"], params: { reason: "reason_required" } });
  });

  it("sorts work into its verification kind: an item raised by a review is its own kind", () => {
    expect(verificationKindOf("milestone", false)).toBe("milestone");
    expect(verificationKindOf("item", false)).toBe("item");
    expect(verificationKindOf("item", true)).toBe("review_item");
  });
});
