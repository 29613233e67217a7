/** Some top-level keys of a JSON file (build/vite-plugins.ts, jsonKeys). */
declare module "virtual:json-keys/*" {
  const picked: Record<string, unknown>;
  export default picked;
}
