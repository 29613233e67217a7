import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import plugin from "../../../../eslint-rules/module-boundaries.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = plugin.rules["module-boundaries"];
// Roots are resolved against ESLint's cwd, the repository root when `pnpm lint` runs.
const cwd = process.cwd();
const web = `${cwd}/apps/web/src`;
const api = `${cwd}/apps/api/src`;
const options = [{ root: ["apps/web/src/features", "apps/api/src/modules"] }];
const internal = (source: string, module: string, entry: string) => ({
  messageId: "internal",
  data: { source, module, entry },
});

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run("module-boundaries", rule, {
  valid: [
    {
      name: "a page imports a feature's index",
      filename: `${web}/app/routes/page.tsx`,
      code: 'import { a } from "../../features/work";',
      options,
    },
    {
      name: "…or names the index file",
      filename: `${web}/app/routes/page.tsx`,
      code: 'import { a } from "../../features/work/index.ts";',
      options,
    },
    {
      name: "a feature imports another feature's index",
      filename: `${web}/features/reviews/api/use-x.ts`,
      code: 'import { a } from "../../work";',
      options,
    },
    {
      name: "a feature imports its own internals",
      filename: `${web}/features/work/components/table.tsx`,
      code: 'import { a } from "../lib/schedule";\nexport { b } from "../api/work.queries";',
      options,
    },
    {
      name: "a feature's index re-exports its internals",
      filename: `${web}/features/work/index.ts`,
      code: 'export * from "./api/work.queries";',
      options,
    },
    {
      name: "packages and shared code are no module",
      filename: `${web}/features/work/api/x.ts`,
      code: 'import { z } from "zod";\nimport { f } from "../../../lib/format";',
      options,
    },
    {
      name: "an API module imports another module's index",
      filename: `${api}/modules/reviews/reviews.service.ts`,
      code: 'import { a } from "../projects/index.js";',
      options,
    },
    {
      name: "a single root as a string",
      filename: `${web}/app/page.tsx`,
      code: 'import { a } from "../features/work";',
      options: [{ root: "apps/web/src/features" }],
    },
  ],
  invalid: [
    {
      name: "a page reaches into a feature's components",
      filename: `${web}/app/routes/project/project-work.tsx`,
      code: 'import { ItemTable } from "../../../features/work/components/item-table";',
      options,
      errors: [internal("../../../features/work/components/item-table", "work", "../../../features/work")],
    },
    {
      name: "a feature reaches into another feature's internals",
      filename: `${web}/features/work/api/use-update-work.ts`,
      code: 'import { projectsQueries } from "../../projects/api/projects.queries";',
      options,
      errors: [internal("../../projects/api/projects.queries", "projects", "../../projects")],
    },
    {
      name: "shared ui reaches into a feature",
      filename: `${web}/components/ui/person.tsx`,
      code: 'import { PersonName } from "../../features/organisation/components/person-name";',
      options,
      errors: [
        internal("../../features/organisation/components/person-name", "organisation", "../../features/organisation"),
      ],
    },
    {
      name: "re-exports, dynamic imports and type imports are checked too",
      filename: `${web}/app/router.tsx`,
      code: [
        'export { a } from "../features/work/lib/a";',
        'export * from "../features/work/lib/b";',
        'const C = import("../features/work/components/c");',
        "const D = import(`../features/work/components/d`);",
        'import type { E } from "../features/work/api/e";',
        'type F = typeof import("../features/work/api/f");',
      ].join("\n"),
      options,
      errors: ["lib/a", "lib/b", "components/c", "components/d", "api/e", "api/f"].map((path) =>
        internal(`../features/work/${path}`, "work", "../features/work"),
      ),
    },
    {
      name: "an API module reaches into another module's service",
      filename: `${api}/modules/work/milestones.service.ts`,
      code: 'import { x } from "../projects/projects.service.js";',
      options,
      errors: [internal("../projects/projects.service.js", "projects", "../projects")],
    },
  ],
});
