import { afterEach, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "@resettle/domain";
import { createAdministrator } from "./admin-create.js";
import { verifyPassword } from "./passwords.js";
import { createTestDatabase, type TestDatabase } from "./testing.js";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("demo accounts", () => {
  it("are admin, leader, wg and one coordinator per department, all with the published demo password", async () => {
    db = await createTestDatabase(inject("testDatabaseAdminUrl"));
    const users = await db.prisma.user.findMany({ include: { department: true }, orderBy: { username: "asc" } });
    const departments = await db.prisma.department.findMany();
    expect(users).toHaveLength(3 + departments.length);
    expect(users.every((u) => u.demoPassword && u.active)).toBe(true);
    expect(users.find((u) => u.username === "admin")?.role).toBe("admin");
    expect(users.find((u) => u.username === "leader")?.role).toBe("leader");
    expect(users.find((u) => u.username === "wg")?.role).toBe("working_group");
    const zhujian = users.find((u) => u.username === "coord-zhujian")!;
    expect(zhujian).toMatchObject({ role: "coordinator" });
    expect(zhujian.department?.shortName).toBe("住建");
    expect(users.find((u) => u.username === "coord-shuangtaizi")?.department?.name).toBe("双台子区政府");
    expect(await verifyPassword(zhujian.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(zhujian.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("pnpm admin:create", () => {
  it("creates an administrator with a hashed password, and records it in the audit trail", async () => {
    db = await createTestDatabase(inject("testDatabaseAdminUrl"), {});
    const user = await createAdministrator(db.prisma, {
      username: "WangFang",
      displayName: "王芳",
      password: "a-long-secret-2026",
    });
    expect(user).toMatchObject({ username: "wangfang", role: "admin", demoPassword: false, active: true });
    expect(await verifyPassword(user.passwordHash, "a-long-secret-2026")).toBe(true);
    const events = await db.prisma.auditEvent.findMany({ where: { entityType: "user", entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify({ ...events[0], id: undefined })).not.toContain(user.passwordHash);
  });

  it("refuses weak and demo passwords and taken usernames, creating nothing", async () => {
    db = await createTestDatabase(inject("testDatabaseAdminUrl"));
    const before = await db.prisma.user.count();
    await expect(
      createAdministrator(db.prisma, { username: "boss", displayName: "", password: "short1" }),
    ).rejects.toThrow(/password/);
    await expect(
      createAdministrator(db.prisma, { username: "boss", displayName: "", password: DEMO_PASSWORD }),
    ).rejects.toThrow(/demo password/);
    await expect(
      createAdministrator(db.prisma, { username: "admin", displayName: "", password: "a-long-secret-2026" }),
    ).rejects.toThrow(/already exists/);
    expect(await db.prisma.user.count()).toBe(before);
  });
});

describe("problems and working groups (seed)", () => {
  it("seeds the cause taxonomy, and the demo's causes, common problem and 双台子区 working group", async () => {
    db = await createTestDatabase(inject("testDatabaseAdminUrl"));
    const causes = await db.prisma.cause.findMany({ orderBy: { sortOrder: "asc" } });
    expect(causes.map((c) => c.name)).toEqual([
      "资金缺口",
      "开发企业违约或破产",
      "工程停工",
      "手续不全",
      "土地或产权问题",
      "消防或竣工验收未通过",
      "诉讼或司法查封",
      "住户纠纷",
      "其他",
    ]);
    const hongwei = await db.prisma.project.findUniqueOrThrow({
      where: { code: "hongwei" },
      include: { causes: { include: { cause: true } }, workingGroup: true },
    });
    expect(hongwei.causes.map((l) => l.cause.code).sort()).toEqual(
      ["construction_halted", "developer_default", "funding_gap", "land_title"].sort(),
    );
    expect(hongwei.workingGroup).not.toBeNull();
    const group = await db.prisma.workingGroup.findFirstOrThrow({
      include: { departments: { include: { department: true } }, leadDepartment: true },
    });
    expect(group.departments.map((d) => d.department.code).sort()).toEqual(
      ["caizheng", "fayuan", "guotu", "shuangtaizi", "zhujian"].sort(),
    );
    const common = await db.prisma.commonProblem.findFirstOrThrow({ include: { projects: true } });
    expect(common.projects).toHaveLength(2);
  });
});
