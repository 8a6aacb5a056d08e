// `npm run bench`: runs every benchmark under test/bench/ (each prints its own figures).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
for (const f of fs
  .readdirSync(path.join(root, 'test', 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only && !f.includes(only)) continue;
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, [path.join(root, 'test', 'bench', f)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exitCode = 1;
}
