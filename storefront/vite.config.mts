// The shopper storefront (web shop and installable app): React, built with
// Vite as Medusa's admin is. `npm run build:storefront` writes storefront/dist,
// which storefront/serve.mjs serves (the demo starts it on :8000).
import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

const here = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: here,
  base: "/",
  publicDir: path.join(here, "public"),
  // JSX through esbuild (React's automatic runtime): no extra plugin needed.
  esbuild: { jsx: "automatic" },
  resolve: {
    // The plugin's typed Store API client, as a merchant's storefront imports it
    // from the published package; here straight from the source.
    alias: { "medusa-plugin-omnichannel/client": path.join(here, "../src/client/index.ts") },
  },
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // react-router marks its modules "use client" (for server components): harmless here.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning)
      },
    },
  },
  logLevel: "warn",
})
