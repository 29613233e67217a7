import { randomUUID } from "node:crypto";

/** A real 1×1 PNG (67 bytes). */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** The first bytes of a PDF, enough for its type. */
export const TINY_PDF = Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");

/**
 * A multipart/form-data body holding one file, as a browser sends it (the file name in raw
 * UTF-8), for `app.inject`.
 */
export function multipartFile(
  fileName: string,
  bytes: Buffer,
  { contentType = "application/octet-stream", field = "file" }: { contentType?: string; field?: string } = {},
) {
  const boundary = `----resettle${randomUUID().replaceAll("-", "")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    "utf8",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
