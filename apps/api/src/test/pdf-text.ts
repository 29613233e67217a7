import { inflateSync } from "node:zlib";

/**
 * The text a PDF written by pdfkit (pdfmake) shows, read back without a PDF library: its streams
 * inflated, the fonts' ToUnicode maps read (glyph id → text), and the glyph ids of every text
 * operator mapped through them. Enough to check that a document says what it should; not a
 * general PDF reader (one font's ids, hex strings as pdfkit writes them).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = streamPattern.exec(raw); match; match = streamPattern.exec(raw)) {
    const start = match.index + match[0].length;
    const length = Number(/\/Length (\d+)/.exec(match[1]!)?.[1]);
    const bytes = pdf.subarray(start, start + length);
    streams.push((/\/FlateDecode/.test(match[1]!) ? inflateSync(bytes) : bytes).toString("latin1"));
  }
  const glyphs = new Map<string, string>();
  const hexText = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  for (const cmap of streams.filter((s) => s.includes("begincmap"))) {
    for (const [, from, to, list] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const targets = [...list!.matchAll(/<([0-9a-f]+)>/gi)].map((m) => hexText(m[1]!));
      for (let id = parseInt(from!, 16), i = 0; id <= parseInt(to!, 16); id++, i++)
        glyphs.set(id.toString(16).padStart(4, "0"), targets[i] ?? "");
    }
    for (const [, id, text] of cmap.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>$/gim))
      glyphs.set(id!.toLowerCase(), hexText(text!));
  }
  return streams
    .filter((s) => /\bT[Jj]\b/.test(s))
    .flatMap((s) => [...s.matchAll(/<([0-9a-f]+)>/gi)].map((m) => m[1]!))
    .map(
      (hex) =>
        hex
          .match(/.{4}/g)
          ?.map((id) => glyphs.get(id.toLowerCase()) ?? "")
          .join("") ?? "",
    )
    .join("");
}
