/** Where the project's files are, whether running from source (tsx/vitest) or from a bundle in out/. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding package.json and data/ (walks up from this module). */
export function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'data'))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('HealthPlan: cannot find the project folder (package.json and data/)');
    dir = up;
  }
}
