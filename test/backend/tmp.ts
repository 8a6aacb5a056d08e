/** Temporary folders for tests that write real plan files. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tmpDir(prefix = 'hp-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const sha = (file: string) => {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
};
