import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite replaces import.meta.dirname with this file's folder when it bundles the config, so the
// build lands in <repo>/dist/renderer whichever directory `vite build` runs from.
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    // The kiosk runs a current Chromium; a module preload polyfill is dead weight there.
    modulePreload: { polyfill: false },
  },
  server: {
    // The renderer imports the bridge contract and catalog views from ../shared.
    fs: { allow: [`${here}/..`] },
  },
});
