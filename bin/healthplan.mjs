#!/usr/bin/env node
// The `healthplan` command. Runs the bundled CLI (out/cli.mjs), building it first if needed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// better-sqlite3's prebuilt binary needs Node 22; the project ships it in node_modules/.bin.
if (Number(process.versions.node.split('.')[0]) < 22) {
  const { spawnSync } = await import('node:child_process');
  const node22 = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  if (!fs.existsSync(node22)) {
    console.error(`HealthPlan needs Node.js 22 or later (this is ${process.version}); run \`npm install\` in ${root}.`);
    process.exit(1);
  }
  const r = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const cli = path.join(root, 'out', 'cli.mjs');
// The CLI and the access worker it starts are built together (scripts/build.mjs).
if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'out', 'analysis-worker.mjs'))) {
  const { buildNode } = await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
  await buildNode();
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
