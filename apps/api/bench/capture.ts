import { DEMO_PASSWORD } from "@resettle/domain";
import { createPrismaClient, type PrismaClient } from "@resettle/prisma/client";
import { buildApp } from "../src/app.js";
import { systemClock } from "../src/lib/clock.js";

/** One main read route as a user asks for it. */
export type ReadRoute = {
  name: string;
  user: string;
  url: string;
  /** A page of a list (EXPLAIN fails it on a sequential scan of a big table); else a read of the whole set. */
  paged: boolean;
};
export type Statement = { sql: string; params: unknown[] };

/**
 * The main read routes on the benchmark's data (docs/performance.md): the dashboard, the project
 * list filtered and sorted, a project page, My work of a city's housing bureau, the audit trail's
 * first page and the problem queue.
 */
export async function readRoutes(prisma: PrismaClient): Promise<ReadRoute[]> {
  const district = await prisma.district.findFirst({ where: { code: { startsWith: "b-" } }, orderBy: { code: "asc" } });
  const project = await prisma.project.findFirst({
    where: { code: { startsWith: "b-" }, registeredHouseholds: 0 },
    orderBy: { code: "asc" },
  });
  const housing = await prisma.user.findFirst({
    where: { role: "coordinator", department: { code: { endsWith: "-zhujian" } } },
    orderBy: { username: "asc" },
  });
  const demo = !district || !project || !housing;
  // On the demo data alone (no benchmark rows): its own district, project and housing bureau.
  const districtId = district?.id ?? (await prisma.district.findFirstOrThrow({ orderBy: { code: "asc" } })).id;
  const projectId =
    project?.id ?? (await prisma.project.findFirstOrThrow({ orderBy: { sequence: "asc" }, select: { id: true } })).id;
  return [
    { name: "dashboard", user: "leader", url: "/api/dashboard", paged: false },
    {
      name: "project list (district, status, by moved back)",
      user: "leader",
      url: `/api/projects?districtId=${districtId}&status=in_progress&sort=movedBack&order=desc&pageSize=20`,
      paged: true,
    },
    { name: "project list (all, by name)", user: "leader", url: "/api/projects?sort=name&pageSize=20", paged: true },
    { name: "project page", user: "leader", url: `/api/projects/${projectId}`, paged: true },
    { name: "My work", user: demo ? "coord-zhujian" : housing.username, url: "/api/my-work", paged: true },
    { name: "audit trail", user: "admin", url: "/api/audit-events?pageSize=50", paged: true },
    { name: "problem queue", user: "wg", url: "/api/problem-queue?pageSize=20", paged: false },
  ];
}

/** Signs in through the app; the session cookie and CSRF token. */
async function signIn(
  app: Awaited<ReturnType<typeof buildApp>>,
  username: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "resettle_session")!;
  return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

export type Captured = {
  /** What the first request sent (nothing kept yet): what EXPLAIN checks. */
  cold: Statement[];
  /** What the next one sent, as every later request does (kept answers reused): what the bare server replays. */
  warm: Statement[];
  /** The first request's time, in milliseconds, through the app in this process. */
  coldMs: number;
};

/**
 * Runs each route twice through the whole app on the database and records the SQL each request
 * sent, with its parameters, in order.
 */
export async function captureStatements(databaseUrl: string, routes: ReadRoute[]): Promise<Map<string, Captured>> {
  let sink: Statement[] = [];
  const prisma = createPrismaClient(databaseUrl, { max: 4, onQuery: (sql, params) => sink.push({ sql, params }) });
  const app = await buildApp({ prisma, clock: systemClock });
  try {
    const sessions = new Map<string, { cookie: string; csrfToken: string }>();
    for (const user of new Set(routes.map((r) => r.user))) sessions.set(user, await signIn(app, user));
    const captured = new Map<string, Captured>();
    const send = async (route: ReadRoute) => {
      sink = [];
      const res = await app.inject({ url: route.url, headers: { cookie: sessions.get(route.user)!.cookie } });
      if (res.statusCode !== 200) throw new Error(`${route.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return sink;
    };
    for (const route of routes) {
      const started = performance.now();
      const cold = await send(route);
      const coldMs = Math.round(performance.now() - started);
      captured.set(route.name, { cold, warm: await send(route), coldMs });
    }
    return captured;
  } finally {
    await app.close();
    await prisma.$disconnect();
  }
}
