/**
 * The largest request body each route reads (Fastify answers 413 PAYLOAD_TOO_LARGE past it,
 * before any handler runs). Every JSON body the schemas allow fits the default with room to
 * spare — the largest, a working group of 500 projects and 200 persons, is about 30 kB — but a
 * review's record: each project's 研判情况 and 议定事项 (4,000 characters each, 3 bytes apiece in
 * UTF-8) and up to 50 follow-up actions (500 characters) make about 100 kB a project.
 * Uploads are multipart, streamed past these limits: each has its own file size
 * (EVIDENCE_MAX_MB, HOUSEHOLD_IMPORT_MAX_BYTES) and @fastify/multipart's part limits (app.ts).
 */
export const BODY_LIMIT = 64 * 1024;
/** POST /api/reviews, PATCH /api/reviews/:id: ten projects written to the limit. */
export const REVIEW_BODY_LIMIT = 1024 * 1024;
