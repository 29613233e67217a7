import { ErrorResponseSchema, type ErrorCode } from "@resettle/domain";
import type { z } from "zod";
import { ApiError } from "./api-error";

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

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
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "SERVICE_UNAVAILABLE";
  return status >= 400 && status < 500 ? "VALIDATION_FAILED" : "INTERNAL";
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorResponseSchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, codeForStatus(response.status), response.statusText);
  const { code, message, details, requestId } = parsed.data.error;
  return new ApiError(response.status, code, message, details ?? [], requestId);
}

/** GETs a JSON resource and checks it against the shared contract before anyone renders it. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, options.params), {
      headers: { accept: "application/json" },
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK_ERROR", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await toApiError(response);

  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    // A contract drift between API and web: loud in the console, calm in the UI.
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError(response.status, "INVALID_RESPONSE", parsed.error.message);
  }
  return parsed.data;
}
