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
            // The date pickers serve the audit log's date filter only: they stay out of the main antd
            // chunk (claimed first, so that it keeps what both use, and the locales antd's provider
            // needs) and load with that page.
            {
              name: "vendor-antd",
              test: /node_modules[\\/](antd[\\/](?!es[\\/](date-picker|calendar|time-picker)[\\/](?!locale))|@ant-design[\\/]|@rc-component[\\/](?!picker[\\/](?!(es|lib)[\\/]locale)))/,
              priority: 20,
            },
            // dayjs formats dates on every page: the picker chunk must not take it in.
            { name: "vendor-dayjs", test: /node_modules[\\/]dayjs[\\/]/, priority: 18 },
            { name: "vendor-antd-picker", test: /node_modules[\\/](antd|@rc-component)[\\/]/, priority: 15 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
