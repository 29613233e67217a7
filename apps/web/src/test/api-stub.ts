import { vi } from "vitest";
import type { FieldIssue } from "@resettle/domain";
import type { StubbedCall } from "./fetch-stub";

type Answer = { status: number; body?: unknown };
type Route = { method: string; url: RegExp; answers: Answer[] };

/**
 * Answers fetch calls by method and address, for pages whose reads and writes interleave:
 * each route answers with its answers in turn, repeating the last; calls are recorded with
 * their bodies.
 */
export function stubApi(...routes: [method: string, url: RegExp, ...answers: Answer[]][]) {
  const table: Route[] = routes.map(([method, url, ...answers]) => ({ method, url, answers }));
  const calls: StubbedCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? "GET";
      calls.push({
        method,
        url,
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
        headers: new Headers(init.headers),
      });
      const route = table.find((r) => r.method === method && r.url.test(url));
      const answer = route && (route.answers.length > 1 ? route.answers.shift() : route.answers[0]);
      if (!answer) throw new Error(`unexpected fetch ${method} ${url}`);
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  return {
    calls,
    /** The bodies sent with this method, in order. */
    sent: (method: string) => calls.filter((c) => c.method === method).map((c) => c.body),
  };
}

/** A 409 as the API answers it, with the record as it is now. */
export const conflictAnswer = (current: unknown): Answer => ({
  status: 409,
  body: { error: { code: "CONFLICT", message: "changed meanwhile", current, requestId: "r-conflict" } },
});

/**
 * A 400 naming fields, as the API answers it. The page decides by each issue's reason: the
 * message is left out (the API's English words must never matter to it).
 */
export const invalidAnswer = (...issues: Omit<FieldIssue, "message">[]): Answer => {
  const details = issues.map((issue) => ({ ...issue, message: "(words the page must not read)" }));
  return {
    status: 400,
    body: { error: { code: "VALIDATION_FAILED", message: "invalid", details, requestId: "r-400" } },
  };
};
