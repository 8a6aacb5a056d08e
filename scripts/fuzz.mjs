// `npm run fuzz`: the robustness suite (test/robustness/faults + fuzz) at its long size — 30 kills per write
// path, thousands of hostile files, hundreds of bad plans — then its counts: cases tried, faults injected,
// failures. HEALTHPLAN_FUZZ_SEED=N runs another seed (default: the suite's own, so a run is reproducible).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'healthplan-fuzz-')), 'report.jsonl');
const started = Date.now();

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--node'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/robustness/faults.test.ts', 'test/robustness/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HEALTHPLAN_FUZZ: 'long', HEALTHPLAN_FUZZ_REPORT: report },
});

const lines = fs.existsSync(report)
  ? fs
      .readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
const total = { cases: 0, faults: 0, failures: 0 };
console.log('\nhealthplan fuzz (long run)');
for (const l of lines) {
  total.cases += l.cases;
  total.faults += l.faults;
  total.failures += l.failures;
  console.log(
    `  ${l.suite.padEnd(20)} ${String(l.cases).padStart(6)} cases  ${String(l.faults).padStart(5)} faults injected  ${String(l.failures).padStart(4)} failures`,
  );
  for (const n of l.notes ?? []) console.log(`    ${n}`);
}
console.log(
  `  ${'total'.padEnd(20)} ${String(total.cases).padStart(6)} cases  ${String(total.faults).padStart(5)} faults injected  ${String(total.failures).padStart(4)} failures`,
);
console.log(
  `  seed ${process.env.HEALTHPLAN_FUZZ_SEED ?? 'default (20261206)'}, ${Math.round((Date.now() - started) / 1000)} s, ${new Date().toISOString().slice(0, 10)}`,
);
if (lines.length < 3) console.log('  (some suites reported nothing: see the vitest output above)');
process.exit(run.status === 0 && total.failures === 0 && lines.length >= 3 ? 0 : 1);
