import type {} from "@resettle/prisma/vitest-context";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@resettle/prisma/testing";
import { AppError } from "./app-error.js";
import { resolveAssignee, WORK_ASSIGNEE_PATHS } from "./assignee.js";

// 包项目到部门到人: who may be made responsible for a record, on real PostgreSQL. One database
// for the file; the tests only read, but for the persons they make.

let db: TestDatabase;
let zhujian: { id: string; name: string };
let other: { id: string; name: string };
beforeAll(async () => {
  db = await createTestDatabase(inject("testDatabaseAdminUrl"));
  const departments = await db.prisma.department.findMany({
    where: { kind: "municipal_department" },
    select: { id: true, name: true },
    orderBy: { code: "asc" },
    take: 2,
  });
  [zhujian, other] = departments as [typeof zhujian, typeof other];
});
afterAll(() => db?.drop());

const person = (departmentId: string, active = true) =>
  db.prisma.person.create({ data: { name: `测试${Math.random()}`.slice(0, 8), departmentId, active } });

const resolve = (departmentId: string | null, personId: string | null) =>
  db.prisma.$transaction((tx) => resolveAssignee(tx, departmentId, personId, WORK_ASSIGNEE_PATHS));

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.details;
}

describe("resolveAssignee", () => {
  it("answers the department and its active person, with their names", async () => {
    const p = await person(zhujian.id);
    expect(await resolve(zhujian.id, p.id)).toEqual({
      department: zhujian,
      person: { id: p.id, name: p.name, departmentId: zhujian.id, active: true },
    });
  });

  it("answers a department alone, and nobody at all", async () => {
    expect(await resolve(zhujian.id, null)).toEqual({ department: zhujian, person: null });
    expect(await resolve(null, null)).toEqual({ department: null, person: null });
  });

  it("refuses a department that is not there", async () => {
    expect(await refusal(resolve(crypto.randomUUID(), null))).toEqual([
      { path: "body.responsibleDepartmentId", reason: "unknown_reference", message: "No such department" },
    ]);
  });

  it("refuses a person without their department", async () => {
    const p = await person(zhujian.id);
    expect(await refusal(resolve(null, p.id))).toEqual([
      { path: "body.responsiblePersonId", reason: "department_required", message: "A person needs their department" },
    ]);
  });

  it("refuses a person who is not there", async () => {
    expect(await refusal(resolve(zhujian.id, crypto.randomUUID()))).toEqual([
      { path: "body.responsiblePersonId", reason: "unknown_reference", message: "No such person" },
    ]);
  });

  it("refuses a person of another department, naming both", async () => {
    const p = await person(other.id);
    expect(await refusal(resolve(zhujian.id, p.id))).toEqual([
      {
        path: "body.responsiblePersonId",
        reason: "person_other_department",
        message: `${p.name} does not belong to ${zhujian.name}`,
        params: { name: p.name, department: zhujian.name },
      },
    ]);
  });

  it("refuses a person no longer active", async () => {
    const p = await person(zhujian.id, false);
    expect(await refusal(resolve(zhujian.id, p.id))).toEqual([
      {
        path: "body.responsiblePersonId",
        reason: "inactive",
        message: `${p.name} is no longer active`,
        params: { name: p.name },
      },
    ]);
  });
});
