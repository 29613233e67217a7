import type {} from "@resettle/prisma/vitest-context";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SessionUser } from "@resettle/domain";
import { createTestDatabase, type TestDatabase } from "@resettle/prisma/testing";
import { AppError } from "./app-error.js";
import type { ServiceContext } from "./context.js";
import { activeAction, asSet, updateVersioned, type VersionedRecord } from "./versioned.js";

// The one optimistic-concurrency path every versioned record goes through, on real
// PostgreSQL with a department as the record: the order of its refusals (404, 403, 409),
// "nothing changed" writing nothing, the WHERE-version write that catches a writer slipping
// in, and what the audit row says. One database for the file; each test makes its own row.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(inject("testDatabaseAdminUrl"));
});
afterAll(() => db?.drop());

const user: SessionUser = { id: "", username: "t", displayName: "Tester", role: "admin", departmentId: null };
const context = (): Pick<ServiceContext, "db" | "actor"> => ({
  db: db.prisma,
  actor: { id: null as unknown as string, name: "Tester", requestId: "req-1", clientRequestId: null, user },
});

type Row = { id: string; name: string; shortName: string; version: number };
type Fields = { name: string; shortName: string };

const record = (extra: Partial<VersionedRecord<Row, Fields>> = {}): VersionedRecord<Row, Fields> => ({
  what: "Department",
  entityType: "department",
  find: (tx, id) =>
    tx.department.findUnique({ where: { id }, select: { id: true, name: true, shortName: true, version: true } }),
  fieldsOf: ({ name, shortName }) => ({ name, shortName }),
  table: (tx) => tx.department,
  ...extra,
});

let serial = 0;
async function newDepartment(): Promise<Row> {
  serial += 1;
  const code = `t-${Date.now()}-${serial}`;
  return db.prisma.department.create({
    data: { code, name: `Dept ${code}`, shortName: `D${serial}`, kind: "municipal_department" },
    select: { id: true, name: true, shortName: true, version: true },
  });
}

const auditsOf = (id: string) => db.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });

/** The AppError the promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("updateVersioned", () => {
  it("writes what changed with the version + 1, and audits only that", async () => {
    const d = await newDepartment();
    const updated = await updateVersioned(context(), record(), {
      id: d.id,
      version: 1,
      next: () => ({ name: "Renamed", shortName: d.shortName }),
      remark: { note: "why" },
    });
    expect(updated).toEqual({ ...d, name: "Renamed", version: 2 });
    const [event, ...more] = await auditsOf(d.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: "update",
      entityType: "department",
      actorName: "Tester",
      requestId: "req-1",
      projectId: null,
      before: { name: d.name, version: 1 },
      after: { name: "Renamed", version: 2, note: "why" },
    });
  });

  it("answers 404 for a record that is not there", async () => {
    const error = await refusal(
      updateVersioned(context(), record(), { id: crypto.randomUUID(), version: 1, next: () => ({ name: "x" }) }),
    );
    expect([error.code, error.message]).toEqual(["NOT_FOUND", "Department not found"]);
  });

  it("lets authorize refuse before the version is compared: a refusal reveals nothing", async () => {
    const d = await newDepartment();
    const error = await refusal(
      updateVersioned(context(), record(), {
        id: d.id,
        version: 7,
        authorize: (current) => {
          expect(current).toEqual(d);
          throw AppError.forbidden();
        },
        next: () => ({ name: "x" }),
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });

  it("answers 409 with the record as it is for a stale version, and writes nothing", async () => {
    const d = await newDepartment();
    const error = await refusal(
      updateVersioned(context(), record(), { id: d.id, version: 2, next: () => ({ name: "x" }) }),
    );
    expect([error.code, error.message, error.current]).toEqual([
      "CONFLICT",
      "Department was changed by someone else meanwhile",
      d,
    ]);
    expect(await db.prisma.department.findUnique({ where: { id: d.id } })).toMatchObject({ name: d.name, version: 1 });
  });

  it("answers 409 for a stale version even when the form changes nothing, before asking what would change", async () => {
    const d = await newDepartment();
    let asked = false;
    const error = await refusal(
      updateVersioned(context(), record(), {
        id: d.id,
        version: 2,
        next: () => {
          asked = true;
          return { name: d.name };
        },
      }),
    );
    expect([error.code, error.current, asked]).toEqual(["CONFLICT", d, false]);
  });

  it("writes nothing at all when no value differs (a form saved twice), undefined meaning left alone", async () => {
    const d = await newDepartment();
    const answer = await updateVersioned(context(), record(), {
      id: d.id,
      version: 1,
      next: () => ({ name: d.name, shortName: undefined }),
    });
    expect(answer).toEqual(d);
    expect(await db.prisma.department.findUnique({ where: { id: d.id } })).toMatchObject({ version: 1 });
    expect(await auditsOf(d.id)).toEqual([]);
  });

  it("catches a writer slipping in between the read and the write: 409 with the winner's record", async () => {
    const d = await newDepartment();
    const error = await refusal(
      updateVersioned(context(), record(), {
        id: d.id,
        version: 1,
        next: async () => {
          // Another request commits its update on its own connection meanwhile.
          await db.prisma.department.update({ where: { id: d.id }, data: { name: "Winner", version: 2 } });
          return { name: "Loser" };
        },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.current).toEqual({ ...d, name: "Winner", version: 2 });
    expect(await auditsOf(d.id)).toEqual([]);
  });

  it("writes the columns, the extras and the action the record describes", async () => {
    const d = await newDepartment();
    const seen: unknown[] = [];
    const projectId = crypto.randomUUID();
    await updateVersioned(
      context(),
      record({
        columns: (changed) => ({ ...changed, shortName: `${changed.shortName}!` }),
        afterWrite: async (_tx, change) => {
          seen.push(change);
          return { extra: 1 };
        },
        action: (changed) => (changed.shortName ? "renamed_short" : "update"),
        auditRecord: (before, after) => ({ before: { v: before.version }, after: { v: after.version } }),
        projectIdOf: () => projectId,
      }),
      { id: d.id, version: 1, next: () => ({ shortName: "S" }) },
    );
    expect(seen).toEqual([{ id: d.id, current: d, changed: { shortName: "S" }, actor: context().actor }]);
    expect(await db.prisma.department.findUnique({ where: { id: d.id } })).toMatchObject({
      shortName: "S!",
      version: 2,
    });
    expect(await auditsOf(d.id)).toMatchObject([
      { action: "renamed_short", projectId, before: { v: 1 }, after: { v: 2, extra: 1 } },
    ]);
  });
});

describe("activeAction and asSet", () => {
  it("names turning a record off or on, or an update", () => {
    expect(activeAction({ active: false })).toBe("deactivate");
    expect(activeAction({ active: true })).toBe("activate");
    expect(activeAction({})).toBe("update");
  });

  it("orders ids so that the same members compare equal, without touching the given array", () => {
    const given = ["b", "c", "a"];
    expect(asSet(given)).toEqual(["a", "b", "c"]);
    expect(given).toEqual(["b", "c", "a"]);
  });
});
