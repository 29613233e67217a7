import { describe, expect, it } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf as [dot.path, text]; plural forms collapse to their base key. */
function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix.replace(PLURAL_SUFFIX, ""), node]];
  if (node === null || typeof node !== "object") throw new Error(`${prefix}: not a string or object`);
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const zh = new Map(leaves(zhCN));
  const english = new Map(leaves(en));

  it("have the same keys in Chinese and English", () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it("have no empty texts", () => {
    expect([...zh].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
    // Chinese measure words (8 个, 4,722 户) have no English counterpart: only they may be empty.
    const emptyEnglish = [...english].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(emptyEnglish.filter((key) => !key.startsWith("units."))).toEqual([]);
  });

  it("use the same interpolation variables in both languages", () => {
    const mismatched = [...zh].filter(([key, text]) => {
      const other = english.get(key);
      return other !== undefined && variables(text).join() !== variables(other).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("name every value of the domain enums", async () => {
    const domain = await import("@resettle/domain");
    const enums = {
      projectStatus: domain.ProjectStatusSchema,
      problemCategory: domain.ProblemCategorySchema,
      approach: domain.ResettlementApproachSchema,
      departmentKind: domain.DepartmentKindSchema,
      milestoneKind: domain.MilestoneKindSchema,
      workStatus: domain.WorkStatusSchema,
      role: domain.RoleSchema,
      auditEntityType: domain.AuditEntityTypeSchema,
    };
    for (const [group, schema] of Object.entries(enums)) {
      for (const value of schema.options) {
        expect(zh.has(`enums.${group}.${value}`), `zh-CN enums.${group}.${value}`).toBe(true);
      }
    }
  });
});
