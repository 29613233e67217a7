import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isOverdue } from "@resettle/domain";
import { toIsoDate } from "../../lib/dates.js";
import { createTestApp } from "../../test/test-app.js";
import { overdueWorkWhere } from "./work-dates.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe("overdueWorkWhere", () => {
  it("selects exactly the milestones and items the domain's isOverdue calls overdue, on every day around their due dates", async () => {
    const db = t.db.prisma;
    const milestones = await db.milestone.findMany({ select: { id: true, status: true, dueDate: true } });
    const items = await db.item.findMany({ select: { id: true, status: true, dueDate: true } });
    const dueDays = [...milestones, ...items].map((w) => toIsoDate(w.dueDate));
    expect(new Set([...milestones, ...items].map((w) => w.status)).size).toBeGreaterThan(2);
    // Each due date itself and the day after: the edges where a wrong comparison shows.
    const days = [...new Set(dueDays.flatMap((d) => [d, toIsoDate(new Date(Date.parse(d) + 86_400_000))]))];
    for (const today of days) {
      const expected = (rows: typeof milestones) =>
        rows
          .filter((w) => isOverdue({ status: w.status, dueDate: toIsoDate(w.dueDate) }, today))
          .map((w) => w.id)
          .sort();
      const selected = async (table: typeof db.milestone | typeof db.item) =>
        (await (table as typeof db.milestone).findMany({ where: overdueWorkWhere(today), select: { id: true } }))
          .map((w) => w.id)
          .sort();
      expect(await selected(db.milestone), `milestones on ${today}`).toEqual(expected(milestones));
      expect(await selected(db.item), `items on ${today}`).toEqual(expected(items));
    }
  });
});
