// What the test global setup (test/global-setup.ts) hands to every test file.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
  }
}
