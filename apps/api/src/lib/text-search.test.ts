import { describe, expect, it } from "vitest";
import { eachTestApp, type TestApp } from "../test/test-app.js";
import type { SeededIds } from "../test/fixtures.js";
import { escapeLikePattern } from "./text-search.js";

describe("escapeLikePattern", () => {
  it("escapes LIKE's wildcards and its escape character, nothing else", () => {
    expect(escapeLikePattern("100%_a\\b 张")).toBe("100\\%\\_a\\\\b 张");
  });
});

describe("searches take % _ and \\ literally", () => {
  let t: TestApp;
  let ids: SeededIds;
  eachTestApp((app, seeded) => {
    t = app;
    ids = seeded;
  });

  const names = ["完成率100%的王", "李_四", "赵\\五", "钱六"];
  const found = async (url: string, term: string, field: string) => {
    const res = await t.as("admin")({ url: `${url}?pageSize=100&q=${encodeURIComponent(term)}` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as Record<string, string>[]).map((row) => row[field]).sort();
  };

  it("persons (organisation)", async () => {
    await t.db.prisma.person.createMany({ data: names.map((name) => ({ name, departmentId: ids.zhujian })) });
    expect(await found("/api/persons", "%", "name")).toEqual(["完成率100%的王"]);
    expect(await found("/api/persons", "_", "name")).toEqual(["李_四"]);
    expect(await found("/api/persons", "\\", "name")).toEqual(["赵\\五"]);
    expect(await found("/api/persons", "钱", "name")).toEqual(["钱六"]);
  });

  it("accounts (users), by username and display name", async () => {
    await t.db.prisma.user.createMany({
      data: names.map((displayName, i) => ({
        username: ["percent", "under_score", "back-slash", "plain"][i]!,
        displayName,
        passwordHash: "x",
        role: "leader" as const,
      })),
    });
    expect(await found("/api/users", "%", "displayName")).toEqual(["完成率100%的王"]);
    expect(await found("/api/users", "_", "username")).toEqual(["under_score"]);
    expect(await found("/api/users", "\\", "displayName")).toEqual(["赵\\五"]);
  });
});
