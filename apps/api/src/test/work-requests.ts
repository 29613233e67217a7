import { expect } from "vitest";
import { z } from "zod";
import type { createTestApp } from "./test-app.js";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The requests milestone and item tests make alike, for one kind of work: a PATCH as a user
 * (optionally under a request id, to find its audit row), the project's list, one record as
 * the list shows it, and the record's audit rows. `app` is read per call: each test has its own.
 */
export function workRequests<W extends { id: string }>(
  app: () => TestApp,
  kind: "milestone" | "item",
  schema: z.ZodType<W>,
) {
  const List = z.array(schema);
  const patch = (user: string, id: string, payload: Record<string, unknown>, requestId?: string) =>
    app().as(user)({
      method: "PATCH",
      url: `/api/${kind}s/${id}`,
      payload,
      ...(requestId ? { headers: { "x-request-id": requestId } } : {}),
    });
  const listOf = async (projectId: string) => {
    const res = await app().as("leader")({ url: `/api/projects/${projectId}/${kind}s` });
    expect(res.statusCode).toBe(200);
    return List.parse(res.json());
  };
  const one = async (id: string): Promise<W> => {
    const { prisma } = app().db;
    const query = { where: { id }, select: { projectId: true } };
    const { projectId } = await (kind === "item"
      ? prisma.item.findUniqueOrThrow(query)
      : prisma.milestone.findUniqueOrThrow(query));
    return (await listOf(projectId)).find((w) => w.id === id)!;
  };
  const auditOf = (entityId: string) =>
    app().db.prisma.auditEvent.findMany({ where: { entityType: kind, entityId }, orderBy: { at: "asc" } });
  return { patch, listOf, one, auditOf };
}
