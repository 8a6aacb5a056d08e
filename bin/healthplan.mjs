#!/usr/bin/env node
// The `healthplan` command. Runs the bundled CLI (out/cli.mjs), building it first if needed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli.mjs');
if (!fs.existsSync(cli)) {
  const { buildNode } = await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
  await buildNode();
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
