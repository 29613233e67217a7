// What the test global setup (test/global-setup.ts) hands to every test file.
import "vitest";

export {};

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
  }
}
