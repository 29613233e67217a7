import { DistrictSchema, IdempotencyKeySchema } from "@resettle/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiGet, apiSend, buildApiUrl } from "./api-client";
import { ApiError } from "./api-error";
import { getCsrfToken, loginPath, safeNextPath, setCsrfToken, setUnauthorizedHandler } from "./session-token";

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

describe("apiSend", () => {
  const calls = () => vi.mocked(fetch).mock.calls.map(([url, init]) => ({ url, init: init as RequestInit }));
  const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

  beforeEach(() => setCsrfToken("token-1"));
  afterEach(() => {
    setCsrfToken(null);
    setUnauthorizedHandler(() => {})();
  });

  it("sends JSON with the session's CSRF token and parses the answer", async () => {
    respondWith(201, district);
    await expect(apiSend("POST", "/districts", { name: "大洼区" }, DistrictSchema)).resolves.toEqual(district);
    const { url, init } = calls()[0]!;
    expect(url).toBe("/api/districts");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: '{"name":"大洼区"}' });
    expect(header(init, "x-csrf-token")).toBe("token-1");
    expect(header(init, "content-type")).toBe("application/json");
  });

  it("sends no token with the login itself", async () => {
    respondWith(401, { error: { code: "UNAUTHORIZED", message: "Wrong username or password", requestId: "r1" } });
    await apiSend("POST", "/auth/login", { username: "admin", password: "x" }).catch(() => {});
    expect(header(calls()[0]!.init, "x-csrf-token")).toBeNull();
  });

  it("resolves without a body for 204", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(apiSend("POST", "/auth/logout")).resolves.toBeUndefined();
  });

  it("carries field issues, and on a conflict the record as it is now", async () => {
    const current = { ...district, name: "大洼区（新）" };
    respondWith(409, { error: { code: "CONFLICT", message: "changed meanwhile", current, requestId: "r2" } });
    const error = await apiSend("PATCH", "/districts/1", { version: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: "CONFLICT", isConflict: true, current });

    const details = [{ path: "body.personId", reason: "person_other_department", message: "not in the department" }];
    respondWith(400, { error: { code: "VALIDATION_FAILED", message: "invalid", details, requestId: "r3" } });
    await expect(apiSend("PUT", "/projects/1/responsibility", {})).rejects.toMatchObject({ details });
  });

  it("reads how long to wait from Retry-After", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: "RATE_LIMITED", message: "wait", requestId: "r4" } }), {
            status: 429,
            headers: { "retry-after": "840" },
          }),
      ),
    );
    await expect(apiSend("POST", "/auth/login", {})).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfter: 840 });
  });
});

describe("Idempotency-Key", () => {
  const keysSent = () =>
    vi.mocked(fetch).mock.calls.map(([, init]) => new Headers((init as RequestInit).headers).get("idempotency-key"));
  const answers = (...responses: (() => Response)[]) => {
    const fetchMock = vi.fn<typeof fetch>();
    for (const response of responses)
      fetchMock.mockImplementationOnce(async () => {
        const made = response();
        if (made.status === 0) throw new TypeError("Failed to fetch");
        return made;
      });
    vi.stubGlobal("fetch", fetchMock);
  };
  const ok = () => new Response(JSON.stringify(district), { status: 201 });
  const networkDown = () => Response.error();
  const refused = () =>
    new Response(JSON.stringify({ error: { code: "VALIDATION_FAILED", message: "no", requestId: "r" } }), {
      status: 400,
    });

  it("goes with every POST, a random token the server accepts; never with other methods", async () => {
    answers(ok, ok, () => new Response(null, { status: 204 }));
    await apiSend("POST", "/districts", { name: "大洼区" }, DistrictSchema);
    await apiSend("POST", "/districts", { name: "兴隆台区" }, DistrictSchema);
    await apiSend("PATCH", "/districts/1", { version: 1 });
    const [first, second, patch] = keysSent();
    expect(IdempotencyKeySchema.parse(first)).toBeTruthy();
    expect(second).not.toBe(first);
    expect(patch).toBeNull();
  });

  it("a retry of a submission that got no answer carries the same key; once answered, a new one", async () => {
    answers(networkDown, ok, ok);
    const submit = () => apiSend("POST", "/projects/p1/progress-reports", { households: 3 }, DistrictSchema);
    await expect(submit()).rejects.toMatchObject({ code: "NETWORK_ERROR" });
    await submit(); // the user presses the button again: the server replays if the first got through
    await submit(); // answered before: this is a new report
    const [lost, retried, next] = keysSent();
    expect(retried).toBe(lost);
    expect(next).not.toBe(lost);
  });

  it("two identical submissions in flight at once (a double click) share one key; other values do not", async () => {
    answers(ok, ok, ok);
    const submit = (households: number) =>
      apiSend("POST", "/projects/p1/progress-reports", { households }, DistrictSchema);
    await Promise.all([submit(3), submit(3), submit(4)]);
    const [a, b, c] = keysSent();
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it("a refused submission is answered: correcting and sending again is a new key", async () => {
    answers(refused, ok);
    const submit = () => apiSend("POST", "/causes", { name: "x" }, DistrictSchema);
    await expect(submit()).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await submit();
    const [a, b] = keysSent();
    expect(b).not.toBe(a);
  });
});

describe("a 401", () => {
  const unauthorized = { error: { code: "UNAUTHORIZED", message: "Please sign in", requestId: "r5" } };

  afterEach(() => setUnauthorizedHandler(() => {})());

  it("from any call ends the session: the token is forgotten and the app told", async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    setCsrfToken("token-2");
    respondWith(401, unauthorized);
    await expect(apiGet("/dashboard", DistrictSchema)).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(getCsrfToken()).toBeNull();

    setCsrfToken("token-3");
    await expect(apiSend("PATCH", "/users/1", { version: 1 })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it("from the login or the session check is an answer, not a lost session", async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    respondWith(401, unauthorized);
    await expect(apiGet("/auth/me", DistrictSchema)).rejects.toMatchObject({ status: 401 });
    await expect(apiSend("POST", "/auth/login", { username: "a", password: "b" })).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe("login redirects", () => {
  it("remember the page, but never lead off the site", () => {
    expect(loginPath("/projects?status=stalled")).toBe("/login?next=%2Fprojects%3Fstatus%3Dstalled");
    expect(loginPath("/")).toBe("/login");
    expect(safeNextPath("/audit?entityType=project")).toBe("/audit?entityType=project");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath("/login?next=/x")).toBe("/");
    expect(safeNextPath(null)).toBe("/");
  });
});
