import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { bundleBudgetReport, jsonKeys, precompress } from "./build/vite-plugins";

const apiPort = process.env.API_PORT ?? "3000";

export default defineConfig({
  plugins: [react(), jsonKeys(), precompress(), bundleBudgetReport()],
  resolve: {
    // Workspace packages are consumed from their TypeScript sources, no prebuild step.
    conditions: ["source", ...defaultClientConditions],
  },
  server: {
    port: 5173,
    proxy: { "/api": `http://127.0.0.1:${apiPort}` },
  },
  build: {
    outDir: "dist",
    // dist/.vite/manifest.json: which chunks each page loads, for the bundle budget.
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // Ant Design's rc-component packages declare no `sideEffects`, so whatever an index
        // re-exports stayed in: antd's Input alone kept all of rc-form and its validator (20 kB
        // gzip) on the sign-in page. They are React components and helpers with nothing to run at
        // import; read so, the bundler keeps only what is used (issue 13, docs/performance.md).
        moduleSideEffects: (id: string) => (/node_modules[\\/]@rc-component[\\/]/.test(id) ? false : undefined),
      },
      output: {
        // Every page is loaded lazily (app/router.tsx) and the bundler splits what they share by
        // the set of pages that use it: a page pulls the Ant Design components and the ECharts
        // charts it renders, not those of every page (issue 13; sizes per route in
        // build/bundle-budget.ts). React and the router, which every page runs on, form one chunk
        // that stays cached across releases. Merging the small shared chunks was tried: it saves
        // requests but adds 30–130 kB gzip to the first load (docs/performance.md).
        codeSplitting: {
          groups: [
            {
              name: "vendor-react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 40,
            },
          ],
        },
      },
    },
  },
});
