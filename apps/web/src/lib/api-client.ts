import { CSRF_HEADER, IDEMPOTENCY_HEADER, type ErrorCode } from "@resettle/domain";
import type { z } from "zod";
import { ApiError } from "./api-error";
import { endSession, getCsrfToken } from "./session-token";

export type QueryParams = Record<string, string | number | boolean | null | undefined>;
export type SendMethod = "POST" | "PUT" | "PATCH" | "DELETE";
/**
 * The schema an answer is checked against, or its import: the sign-in page and the session guard
 * pass `import()`s (lib/first-load-schemas.ts), so the first load carries no zod and the schema
 * arrives while the request is under way (issue 13, docs/performance.md).
 */
type SchemaSource<S extends z.ZodType> = S | PromiseLike<S>;

/** These answer 401 as part of their job (wrong password, not signed in): not a lost session. */
const SESSION_PATHS = new Set(["/auth/login", "/auth/me"]);

export function buildApiUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ""}`;
}

/** Maps a status to a code for answers that did not come from our error handler (a proxy, say). */
function codeForStatus(status: number): ErrorCode {
  if (status === 404) return "NOT_FOUND";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "SERVICE_UNAVAILABLE";
  return status >= 400 && status < 500 ? "VALIDATION_FAILED" : "INTERNAL";
}

function retryAfterSeconds(response: Response): number | null {
  const value = Number(response.headers.get("retry-after"));
  return Number.isFinite(value) && value > 0 ? value : null;
}

async function toApiError(response: Response): Promise<ApiError> {
  const [body, { ErrorResponseSchema }] = await Promise.all([
    response.json().catch((): unknown => null),
    import("./first-load-schemas"),
  ]);
  const parsed = ErrorResponseSchema.safeParse(body);
  const retryAfter = retryAfterSeconds(response);
  if (!parsed.success) {
    return new ApiError(response.status, codeForStatus(response.status), response.statusText, [], null, {
      retryAfter,
    });
  }
  const { code, message, details, requestId, current } = parsed.data.error;
  return new ApiError(response.status, code, message, details ?? [], requestId, { current, retryAfter });
}

/**
 * A file the API sends (an export): its bytes and the name its Content-Disposition gives (the
 * UTF-8 one); an ApiError, as for any request, when it is refused.
 */
export async function fetchFile(path: string, params?: QueryParams): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, params), { credentials: "same-origin" });
  } catch (error) {
    throw new ApiError(0, "NETWORK_ERROR", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) endSession();
    throw error;
  }
  const match = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get("content-disposition") ?? "");
  return { blob: await response.blob(), fileName: match ? decodeURIComponent(match[1]!) : "export.xlsx" };
}

type Transport = (url: string, init: RequestInit) => Promise<Response>;

async function request<S extends z.ZodType>(
  path: string,
  url: string,
  init: RequestInit,
  schemaSource: SchemaSource<S> | undefined,
  transport: Transport = fetch,
): Promise<z.infer<S> | undefined> {
  // A schema still loading when the request fails is not waited for: its own failure is moot then.
  if (schemaSource instanceof Promise) schemaSource.catch(() => undefined);
  let response: Response;
  try {
    response = await transport(url, { ...init, credentials: "same-origin" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK_ERROR", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !SESSION_PATHS.has(path)) endSession();
    throw error;
  }
  if (!schemaSource) return undefined;

  const [schema, body] = await Promise.all([schemaSource, response.json().catch((): unknown => undefined)]);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A contract drift between API and web: loud in the console, calm in the UI.
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError(response.status, "INVALID_RESPONSE", parsed.error.message);
  }
  return parsed.data;
}

/** GETs a JSON resource and checks it against the shared contract before anyone renders it. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: SchemaSource<S>,
  options: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  const result = await request(
    path,
    buildApiUrl(path, options.params),
    { headers: { accept: "application/json" }, signal: options.signal ?? null },
    schema,
  );
  return result as z.infer<S>;
}

/**
 * Idempotency keys of POSTs sent and not yet answered, by what they send. Sending the same
 * again — a retry after a network error, a second click, the user pressing the button again —
 * reuses the key, so the server replays the first answer instead of writing twice; once the
 * server has answered, the same values sent again are a new submission with a new key.
 */
const unansweredKeys = new Map<string, string>();

/** 128 random bits, hex. crypto.randomUUID needs a secure context; intranets often serve plain http. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function sendOnce<T>(submission: string, send: (key: string) => Promise<T>): Promise<T> {
  const key = unansweredKeys.get(submission) ?? newIdempotencyKey();
  unansweredKeys.set(submission, key);
  try {
    const result = await send(key);
    unansweredKeys.delete(submission);
    return result;
  } catch (error) {
    // Unanswered (network) or still running on the server: a retry must carry the same key.
    const answered = !(error instanceof ApiError) || !["NETWORK_ERROR", "REQUEST_IN_PROGRESS"].includes(error.code);
    if (answered) unansweredKeys.delete(submission);
    throw error;
  }
}

/**
 * Sends a change as JSON with the session's CSRF token (the server refuses state-changing
 * requests without it). With a schema the answer is parsed; without, the body is ignored (204).
 */
export async function apiSend<S extends z.ZodType>(
  method: SendMethod,
  path: string,
  body: unknown,
  schema: SchemaSource<S>,
): Promise<z.infer<S>>;
export async function apiSend(method: SendMethod, path: string, body?: unknown): Promise<void>;
export async function apiSend<S extends z.ZodType>(
  method: SendMethod,
  path: string,
  body?: unknown,
  schema?: SchemaSource<S>,
): Promise<z.infer<S> | void> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const token = getCsrfToken();
  if (token && path !== "/auth/login") headers[CSRF_HEADER] = token;
  const json = body === undefined ? null : JSON.stringify(body);
  const send = (extra: Record<string, string> = {}) =>
    request(path, buildApiUrl(path), { method, headers: { ...headers, ...extra }, body: json }, schema);
  if (method !== "POST") return send();
  return sendOnce(`${path}\n${json}`, (key) => send({ [IDEMPOTENCY_HEADER]: key }));
}

/**
 * Uploads one file as multipart/form-data (field `file`) with the session's CSRF token and an
 * Idempotency-Key: the same file sent again before an answer (a retry, a second click) is the
 * same submission, written once.
 */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  file: File,
  schema: S,
  /** Called as the file goes out, with the share sent (0 to 1). */
  onProgress?: (sent: number) => void,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: "application/json" };
  const token = getCsrfToken();
  if (token) headers[CSRF_HEADER] = token;
  const submission = `${path}\n${file.name}\n${file.size}\n${file.lastModified}`;
  return sendOnce(submission, async (key) => {
    const body = new FormData();
    body.append("file", file, file.name);
    const result = await request(
      path,
      buildApiUrl(path),
      { method: "POST", headers: { ...headers, [IDEMPOTENCY_HEADER]: key }, body },
      schema,
      onProgress ? sendingWithProgress(onProgress) : fetch,
    );
    return result as z.infer<S>;
  });
}

/** Response headers as XMLHttpRequest gives them (one "name: value" a line). */
function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(":");
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/**
 * fetch over XMLHttpRequest, for the one thing fetch cannot tell: how much of the body has gone
 * out (a workbook of thousands of rows on a slow intranet link takes a while).
 */
function sendingWithProgress(onProgress: (sent: number) => void): Transport {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? "GET", url);
      xhr.withCredentials = init.credentials === "include";
      for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>))
        xhr.setRequestHeader(name, value);
      xhr.responseType = "blob";
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        resolve(
          new Response(empty ? null : (xhr.response as Blob), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: parseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      };
      xhr.onerror = () => reject(new TypeError("Network request failed"));
      xhr.onabort = () => reject(new DOMException("The upload was aborted", "AbortError"));
      xhr.send(init.body as XMLHttpRequestBodyInit);
    });
}

/**
 * Sends one file (multipart, field `file`) to a route that answers with a file of its own (an
 * annotated workbook), and gives that file back; refusals come as ApiError like any other.
 */
export async function apiUploadForFile(path: string, file: File): Promise<Blob> {
  const headers: Record<string, string> = {};
  const token = getCsrfToken();
  if (token) headers[CSRF_HEADER] = token;
  const body = new FormData();
  body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path), { method: "POST", headers, body, credentials: "same-origin" });
  } catch (error) {
    throw new ApiError(0, "NETWORK_ERROR", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await toApiError(response);
  return response.blob();
}

/** Offers a file the page holds (a Blob) for download under a name. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
