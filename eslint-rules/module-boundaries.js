import path from "node:path";

/**
 * Modules (web features, API modules) are used through their public surface only. A module is
 * the first directory under one of the configured roots; from outside that directory, an import
 * may name the directory itself or its index file, nothing deeper. Inside it, anything goes.
 *
 * Only relative and absolute specifiers are resolved: packages are no module's internals.
 */

const INDEX_FILE = /^index(\.[cm]?[jt]sx?)?$/;

/** The module's name and the path below it, when `target` lies inside a module under `root`. */
function locate(root, target) {
  const relative = path.relative(root, target);
  if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [module, ...rest] = relative.split(path.sep);
  return { module, rest };
}

/** @type {import("eslint").Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Import a module (feature) from outside only through its index" },
    schema: [
      {
        type: "object",
        properties: {
          root: {
            anyOf: [
              { type: "string", minLength: 1 },
              { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
            ],
          },
        },
        required: ["root"],
        additionalProperties: false,
      },
    ],
    messages: {
      internal:
        "'{{source}}' reaches into the internals of module '{{module}}': import it from its public surface ('{{entry}}') instead.",
    },
  },

  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const roots = [context.options[0].root].flat().map((root) => path.resolve(cwd, root));
    const filename = path.resolve(cwd, context.filename);
    const directory = path.dirname(filename);

    const check = (sourceNode) => {
      const source =
        sourceNode?.type === "Literal"
          ? sourceNode.value
          : sourceNode?.type === "TemplateLiteral" && sourceNode.expressions.length === 0
            ? sourceNode.quasis[0].value.cooked
            : null;
      if (typeof source !== "string" || !(source.startsWith(".") || path.isAbsolute(source))) return;
      const target = path.resolve(directory, source);

      for (const root of roots) {
        const imported = locate(root, target);
        if (!imported) continue;
        const { module, rest } = imported;
        if (rest.length === 0 || (rest.length === 1 && INDEX_FILE.test(rest[0]))) return;
        if (locate(root, filename)?.module === module) return;
        let entry = path.relative(directory, path.join(root, module)).split(path.sep).join("/");
        if (!entry.startsWith(".")) entry = `./${entry}`;
        context.report({ node: sourceNode, messageId: "internal", data: { source, module, entry } });
        return;
      }
    };

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => node.source && check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `typeof import("…")` in TypeScript types.
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
    };
  },
};

export default { rules: { "module-boundaries": moduleBoundaries } };
