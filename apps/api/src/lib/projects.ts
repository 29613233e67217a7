import { AppError } from "./app-error.js";
import type { Db, Tx } from "./context.js";

/** 404 unless the project exists: what is listed or added under a project answers for it first. */
export async function requireProject(db: Db, projectId: string): Promise<void> {
  if (!(await db.project.count({ where: { id: projectId } }))) throw AppError.notFound("Project");
}

/**
 * Takes the project's row for the caller's transaction (`FOR UPDATE`): whatever decides between
 * typed reports and the household registry (ADR 012) reads the project after this, so a typed
 * report and the registry's first household queue on the row instead of both getting in.
 */
export async function lockProject(tx: Tx, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "projects" WHERE id = ${projectId}::uuid FOR UPDATE`;
}
