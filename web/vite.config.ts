/** Builds the web page (web/) into dist/web, which `partnerfit serve` serves at `/`. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset paths: the page works wherever the server mounts it.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // cytoscape is one ~450 kB module; splitting it buys nothing for a single page.
    chunkSizeWarningLimit: 800,
  },
});
