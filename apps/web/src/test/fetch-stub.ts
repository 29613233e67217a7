import { vi } from "vitest";

export type StubbedCall = { method: string; url: string; body: unknown; headers: Headers };

/** Answers fetch calls in order, recording what was sent. */
export function stubFetch(...answers: { status: number; body?: unknown; headers?: Record<string, string> }[]) {
  return stubFetchBeside([], ...answers);
}

/**
 * As `stubFetch`, except that calls to the `beside` addresses (reads a component makes on the
 * side, such as a notice's) always get their fixed answer and are neither queued nor recorded.
 */
export function stubFetchBeside(
  beside: [RegExp, Answer][],
  ...answers: { status: number; body?: unknown; headers?: Record<string, string> }[]
) {
  const calls: StubbedCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const fixed = beside.find(([pattern]) => pattern.test(url))?.[1];
      if (fixed)
        return new Response(JSON.stringify(fixed.body), {
          status: fixed.status,
          headers: { "content-type": "application/json" },
        });
      calls.push({
        method: init.method ?? "GET",
        url,
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
        headers: new Headers(init.headers),
      });
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected fetch ${init.method ?? "GET"} ${url}`);
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "content-type": "application/json", ...answer.headers },
      });
    }),
  );
  return calls;
}

type Answer = { status: number; body?: unknown };

/**
 * Answers fetch calls by address, for components whose queries run side by side: the first
 * route whose pattern the address (path and query) matches answers; calls are recorded.
 */
export function stubFetchByUrl(routes: [RegExp, Answer][]) {
  const calls: StubbedCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({
        method: init.method ?? "GET",
        url,
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
        headers: new Headers(init.headers),
      });
      const answer = routes.find(([pattern]) => pattern.test(url))?.[1];
      if (!answer) throw new Error(`unexpected fetch ${init.method ?? "GET"} ${url}`);
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  return calls;
}
