// Builds the Node side with esbuild (main, preload, CLI, web door → out/) and the renderer with vite.
// `node scripts/build.mjs` builds both; `--node` only the Node side.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = { bundle: true, platform: 'node', target: 'node22', packages: 'external', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

export async function buildNode() {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'out/main.mjs', format: 'esm', external: ['electron'] }),
    // A sandboxed preload must be a single CommonJS file.
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/preload.cjs', format: 'cjs', external: ['electron'] }),
    build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'out/cli.mjs', format: 'esm' }),
    build({ ...common, entryPoints: ['electron/web/main.ts'], outfile: 'out/web.mjs', format: 'esm' }),
    build({ ...common, entryPoints: ['electron/web/server.ts'], outfile: 'out/web-door.mjs', format: 'esm' }),
    build({ ...common, entryPoints: ['electron/backend/worker/worker.ts'], outfile: 'out/analysis-worker.mjs', format: 'esm' }),
    // The portable build's launcher (scripts/portable.mjs): the door and an app-mode browser window.
    build({ ...common, entryPoints: ['electron/portable/launch.ts'], outfile: 'out/launch.mjs', format: 'esm' }),
  ]);
}

export async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
  if (!process.argv.includes('--node')) await buildRenderer();
}
