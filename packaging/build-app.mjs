// @ts-check
/**
 * `npm run build:electron`: the Electron app's code in dist/app, beside the renderer build in
 * dist/renderer, as electron-builder packs it and as `npm start` runs it where Electron is present.
 *
 * - main process, runtime and what they import: TypeScript emitted as ES modules, tree kept
 *   (packaging/tsconfig.app.json), plus the catalog writer's worker entry (.mjs, copied as is);
 * - the preload: one CommonJS file (preload.cjs). A sandboxed preload cannot load ES modules or
 *   any file of ours, only `electron`, so the bridge channel names are bundled into it (Vite,
 *   which the renderer already builds with).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'app');

rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    join(root, 'packaging', 'tsconfig.app.json'),
  ],
  {
    stdio: 'inherit',
  },
);

/** Plain .mjs files the runtime loads by URL (the writer thread's boot file). */
function copyModules(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyModules(path);
    else if (entry.name.endsWith('.mjs')) {
      const target = join(out, relative(root, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}
copyModules(join(root, 'main', 'runtime'));

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: join(out, 'main', 'electron'),
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    lib: {
      entry: join(root, 'main', 'electron', 'preload.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
console.log(`electron app built in ${relative(process.cwd(), out) || '.'}`);
