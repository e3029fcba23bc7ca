// The pickup desk (the shop staff's page at /pickup-desk): React, built with
// Vite as the storefront is. `npm run build:desk` writes desk/dist (desk.html,
// desk.js, desk.css, favicon.svg: fixed names, the URLs the plugin's routes
// serve); `npm run build` copies it into .medusa/server/desk/dist.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

const here = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: here,
  // The routes serve the files under /pickup-desk/ (src/api/pickup-desk).
  base: "/pickup-desk/",
  publicDir: path.join(here, "public"),
  esbuild: { jsx: "automatic" },
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    // One script, one stylesheet: nothing inline (the page's CSP allows only 'self').
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      input: path.join(here, "desk.html"),
      output: {
        entryFileNames: "desk.js",
        chunkFileNames: "desk-[name].js",
        assetFileNames: (asset) => (asset.name?.endsWith(".css") ? "desk.css" : "[name][extname]"),
      },
    },
  },
  logLevel: "warn",
})
