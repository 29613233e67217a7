import { AppError } from "./app-error.js";
import type { Db } from "./context.js";

/** 404 unless the project exists: what is listed or added under a project answers for it first. */
export async function requireProject(db: Db, projectId: string): Promise<void> {
  if (!(await db.project.count({ where: { id: projectId } }))) throw AppError.notFound("Project");
}
