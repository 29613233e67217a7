import { DistrictSchema } from "@resettle/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiGet, buildApiUrl } from "./api-client";
import { ApiError } from "./api-error";

const district = { id: "3f1c2b8e-6d4a-4c1e-9b7a-2e5d8f0a1b2c", code: "dawa", name: "大洼区" };

function respondWith(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("buildApiUrl", () => {
  it("drops empty parameters", () => {
    expect(buildApiUrl("/projects", { status: "stalled", districtId: undefined, page: 2, sort: "" })).toBe(
      "/api/projects?status=stalled&page=2",
    );
  });
});

describe("apiGet", () => {
  it("returns the parsed body", async () => {
    respondWith(200, [district]);
    await expect(apiGet("/districts", z.array(DistrictSchema))).resolves.toEqual([district]);
  });

  it("throws a typed error carrying the server's code and request id", async () => {
    respondWith(404, { error: { code: "NOT_FOUND", message: "项目不存在", requestId: "req-7" } });
    const error = await apiGet("/projects/x", DistrictSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", requestId: "req-7", isNotFound: true });
  });

  it("falls back to the status when the body is not our error shape", async () => {
    respondWith(502, "<html>Bad Gateway</html>");
    await expect(apiGet("/dashboard", DistrictSchema)).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });

  it("rejects a body that breaks the contract", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    respondWith(200, { ...district, id: "not-a-uuid" });
    await expect(apiGet("/districts/1", DistrictSchema)).rejects.toMatchObject({ code: "INVALID_RESPONSE" });
  });
});
