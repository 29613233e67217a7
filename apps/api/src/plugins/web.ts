import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import fastifyStatic from "@fastify/static";
import { AppError } from "../lib/app-error.js";
import { pageDirectives } from "./security.js";

/**
 * index.html with a fresh nonce: in the answer's Content-Security-Policy (style-src) and in
 * `<meta name="csp-nonce">`, where the app reads it for the <style> elements it makes
 * (apps/web/src/lib/content-security-policy.ts). So the page is made per answer and never cached; it is
 * under 2 kB. The hashed assets stay precompressed and immutable.
 */
function pageOf(root: string) {
  const html = readFileSync(path.join(root, "index.html"), "utf8");
  // After <head> (Vite's page has one); else first: the parser puts a meta there in the head anyway.
  const head = /<head[^>]*>/i.exec(html);
  const at = head ? head.index + head[0].length : 0;
  return (reply: FastifyReply) => {
    const nonce = randomBytes(16).toString("base64");
    reply.helmet({ contentSecurityPolicy: { directives: pageDirectives(nonce) } });
    const meta = `<meta name="csp-nonce" content="${nonce}" />`;
    return reply
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(html.slice(0, at) + meta + html.slice(at));
  };
}

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
      // The page itself only with its nonce (sendPage), never the file as built.
      allowedPath: (pathName) => !pathName.startsWith("/index.html"),
      // Hashed assets never change; the other files must always be revalidated.
      setHeaders: (res, file) =>
        res.header(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    });
  }
  const sendPage = root ? pageOf(root) : null;
  if (sendPage) app.get("/", { config: { access: "public" } }, (_req, reply) => sendPage(reply));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === "GET" &&
      !request.url.startsWith("/api") &&
      (request.headers.accept ?? "").includes("text/html");
    if (sendPage && wantsPage) return sendPage(reply);
    throw new AppError("NOT_FOUND", `Route ${request.method} ${request.url.split("?")[0]} not found`);
  });
});
