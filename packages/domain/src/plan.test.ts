import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { checkPlan, percentOf, PlanSchema, roundPercent, type Plan } from "./plan.js";

const panjin: Plan = PlanSchema.parse(
  JSON.parse(readFileSync(new URL("../../../prisma/plans/panjin.json", import.meta.url), "utf8")),
);
const clone = (): Plan => structuredClone(panjin);

describe("checkPlan", () => {
  it("accepts the Panjin plan as the README states it", () => {
    expect(checkPlan(panjin)).toEqual([]);
    expect(panjin.projects).toHaveLength(8);
    expect(panjin.projects.reduce((s, p) => s + p.totalHouseholds, 0)).toBe(4722);
  });

  it("reports quotas that do not add up to a project's total", () => {
    const plan = clone();
    plan.projects[0]!.quotas[1]!.households = 500; // 向阳小区: 680 + 500 ≠ 1,208
    const problems = checkPlan(plan);
    expect(problems).toContainEqual({
      path: "projects.0.quotas",
      message: "项目 向阳小区 年度任务合计 1,180 户，与总户数 1,208 户不符",
    });
  });

  it("reports district and city totals that the projects contradict", () => {
    const plan = clone();
    plan.districts[1]!.households = 120;
    plan.districts[1]!.projects = 4;
    plan.totalHouseholds = 4700;
    const paths = checkPlan(plan).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(["districts.1.households", "districts.1.projects", "totalHouseholds"]),
    );
  });

  it("reports a district whose cumulative plan falls below its floor", () => {
    const plan = clone();
    // Move all of 大洼区's 2018 quota to 2020: 0 % by end-2018 against a 30 % floor.
    const hetang = plan.projects.find((p) => p.code === "hetang-yuese")!;
    hetang.quotas = [{ year: 2020, households: 48 }];
    const messages = checkPlan(plan).map((p) => p.message);
    // End-2019: only 华润万家's 25 of 116 households (21.6 %) against a 60 % floor.
    expect(messages).toEqual([
      "大洼区 至 2018 年底累计计划 0 户（0%），低于底线 30%",
      "大洼区 至 2019 年底累计计划 25 户（21.6%），低于底线 60%",
    ]);
  });

  it("lists every problem at once, with references to unknown districts and duplicate codes", () => {
    const plan = clone();
    plan.projects[1]!.district = "xinglongtai";
    plan.projects[2]!.code = plan.projects[0]!.code;
    plan.projects[3]!.quotas.push({ year: 2021, households: 0 });
    const messages = checkPlan(plan).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "项目 绿地世纪城小区 所属区 xinglongtai 不在计划中",
        "项目代码 xiangyang 重复",
        "项目 广厦小区 的任务年份 2021 不在计划年度内",
      ]),
    );
    expect(messages.length).toBeGreaterThanOrEqual(4);
  });

  it("reports floors that go down from one year to the next", () => {
    const plan = clone();
    plan.floors[1]!.minCumulativePercent = 20;
    expect(checkPlan(plan).some((p) => p.path === "floors" && p.message.includes("低于上一年"))).toBe(true);
  });
});

describe("percent", () => {
  it("rounds to one decimal as the plan writes it", () => {
    expect(percentOf(1613, 4722)).toBe(34.2);
    expect(percentOf(3893, 4722)).toBe(82.4);
    expect(percentOf(4722, 4722)).toBe(100);
    expect(percentOf(1565, 4606)).toBe(34);
    expect(percentOf(73, 116)).toBe(62.9);
    expect(roundPercent(41.379)).toBe(41.4);
  });

  it("treats an empty whole as 0 %, not NaN", () => {
    expect(percentOf(0, 0)).toBe(0);
  });
});
