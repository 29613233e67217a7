import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * API answers past a kilobyte go out compressed — brotli or gzip, as the browser accepts, with
 * `Vary: accept-encoding` — when their type is compressible (JSON, text; as mime-db says):
 * workbooks, Word documents, PDFs and images are compressed already and go out as they are,
 * with their length. Only routes added after this plugin are hooked: the SPA's files are
 * compressed at build time and sent as built (plugins/web.ts).
 */
export const compressionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    // Request bodies are read as they arrive: no decompression of uploads.
    globalDecompression: false,
  });
});
