// Benchmark: `healthplan brief` on the sample plan — the A4 PDF and the PPTX deck, each made by the CLI
// (headless Chromium on the app's print view), three runs each. Bar: under 10 s each. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-brief-'));
const cli = (...args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'healthplan.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, HEALTHPLAN_HOME: path.join(dir, 'home') },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
};
try {
  cli('sample', 's.hplan');
  for (const [flag, file] of [
    ['--pdf', 'b.pdf'],
    ['--pptx', 'b.pptx'],
  ] as const) {
    const times = [0, 1, 2].map(() => cli('brief', 's.hplan', flag, file));
    const kb = Math.round(fs.statSync(path.join(dir, file)).size / 1024);
    console.log(
      `healthplan brief ${flag.padEnd(6)} on the sample: ${times.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')} (whole command: Node start, Chromium start, the brief, the file; ${kb} KB)`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
