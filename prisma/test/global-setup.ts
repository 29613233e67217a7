import type {} from "../src/vitest-context.js";
import type { TestProject } from "vitest/node";
import { startTestDatabaseServer } from "../src/testing.js";

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer();
  project.provide("testDatabaseAdminUrl", server.adminUrl);
  return () => server.stop();
}
