/** Runs the `healthplan` command as a planner would, in a temp folder with its own HEALTHPLAN_HOME. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules', '.bin', 'node');

export function cliIn(dir: string) {
  const healthplan = (...args: string[]) => {
    const r = spawnSync(node, [path.join(root, 'bin', 'healthplan.mjs'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, HEALTHPLAN_HOME: path.join(dir, 'home'), HEALTHPLAN_LANG: '' },
      timeout: 120_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const file = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  return { healthplan, file };
}
