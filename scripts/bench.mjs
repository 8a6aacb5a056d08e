// `npm run bench`: runs every benchmark under test/bench/ (each prints its own figures).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const names = fs
  .readdirSync(path.join(root, 'test', 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .sort();
// A whole name runs that benchmark alone (`province`, not also `map-province`); a part of one, every match.
const exact = only !== undefined && names.includes(`${only}.ts`);
for (const f of names) {
  if (only && (exact ? f !== `${only}.ts` : !f.includes(only))) continue;
  console.log(`\n== ${f}`);
  // Flags after the name go to that benchmark (`npm run bench province -- --keep DIR`).
  const r = spawnSync(process.execPath, [path.join(root, 'test', 'bench', f), ...(only ? process.argv.slice(3) : [])], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exitCode = 1;
}
