import { existsSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import fastifyStatic from "@fastify/static";
import { AppError } from "../lib/app-error.js";

/**
 * Serves the built SPA next to the API on one port. Unknown /api paths answer the JSON
 * error; any other GET that accepts HTML gets index.html, so client routes survive a reload.
 */
export const webPlugin = fp(async (app: FastifyInstance, options: { root: string | null }) => {
  const root = options.root && existsSync(path.join(options.root, "index.html")) ? options.root : null;
  if (root) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // The build writes name.br and name.gz beside each text file (apps/web/build/vite-plugins.ts):
      // the one the browser accepts is sent, with `Vary: accept-encoding`; otherwise the file itself.
      preCompressed: true,
      // Hashed assets never change; index.html must always be revalidated.
      setHeaders: (res, file) =>
        res.header(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    });
    app.get("/", { config: { access: "public" } }, (_req, reply) => reply.sendFile("index.html"));
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === "GET" &&
      !request.url.startsWith("/api") &&
      (request.headers.accept ?? "").includes("text/html");
    if (root && wantsPage) return reply.type("text/html").sendFile("index.html");
    throw new AppError("NOT_FOUND", `Route ${request.method} ${request.url.split("?")[0]} not found`);
  });
});
