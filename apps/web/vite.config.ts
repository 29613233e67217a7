import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const apiPort = process.env.API_PORT ?? "3000";

export default defineConfig({
  plugins: [react()],
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
    // antd and echarts are single vendor chunks, cached across releases; splitting them further
    // would only add requests on an intranet where size matters less than round trips.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group also takes in what its modules import, so the group imported by the others
          // (React) must claim its modules first.
          groups: [
            {
              name: "vendor-react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 40,
            },
            // echarts only ever loads with the trajectory chart; keep it out of every other page.
            { name: "vendor-echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: "vendor-antd", test: /node_modules[\\/](antd|@ant-design|@rc-component)[\\/]/, priority: 20 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
