import { readFile } from "node:fs/promises";
import Fastify from "fastify";
import pg from "pg";
import type { Statement } from "./capture.js";

/**
 * The benchmark's yardstick: a bare Fastify + pg server that, for `GET /bare/<n>`, sends the
 * very statements the API's route number n sent (captured by bench/capture.ts, parameters
 * and all, in the same order, on one connection of a pool as large as the API's) and answers
 * with their rows as JSON. No ORM, no validation, no sessions: what the same SQL costs alone.
 *
 * Run: tsx bench/bare-server.ts <statements.json> <port>, with DATABASE_URL.
 */
async function main() {
  const [file, port] = process.argv.slice(2);
  const routes = JSON.parse(await readFile(file!, "utf8")) as { name: string; statements: Statement[] }[];
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX ?? 20),
  });
  const app = Fastify({ logger: false });
  app.get<{ Params: { n: string } }>("/bare/:n", async (request, reply) => {
    const route = routes[Number(request.params.n)];
    if (!route) return reply.status(404).send({ error: "no such route" });
    const client = await pool.connect();
    try {
      const results: unknown[][] = [];
      for (const { sql, params } of route.statements) {
        const res = await client.query(
          sql,
          params.map((p) => (p !== null && typeof p === "object" ? JSON.stringify(p) : p)),
        );
        results.push(res.rows);
      }
      return results;
    } finally {
      client.release();
    }
  });
  app.get("/bare/health", async () => {
    await pool.query("SELECT 1");
    return { status: "ok" };
  });
  await app.listen({ port: Number(port), host: "127.0.0.1" });
  console.log(`bare server on ${port}`);
}

void main();
