import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.js";

describe("loadEnv", () => {
  it("has defaults for a local start: port 3000, no DATABASE_URL (embedded Postgres)", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(loadEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("fails fast listing every invalid variable", () => {
    expect(() => loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SEED_DEMO: "maybe" })).toThrowError(
      /PORT[\s\S]*DATABASE_URL: must be a postgresql:\/\/ connection string[\s\S]*SEED_DEMO/,
    );
  });
});
