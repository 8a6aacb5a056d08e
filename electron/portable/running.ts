/**
 * The running door's record, `door.json` in the config folder: a second start finds the door there and
 * opens a window on it instead of a second server. Written only by the launcher that owns the door,
 * readable by the user alone (it holds the token), removed when the door stops.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_HEADER } from '../../shared/api/http.ts';

export interface RunningDoor {
  pid: number;
  port: number;
  token: string;
  url: string;
  startedAt: string;
}

/** Whether a process of this id runs (EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const recordFile = (home: string) => path.join(home, 'door.json');

export function readRecord(home: string): RunningDoor | null {
  try {
    const r = JSON.parse(fs.readFileSync(recordFile(home), 'utf8')) as Partial<RunningDoor>;
    return typeof r.port === 'number' && typeof r.token === 'string' && typeof r.url === 'string' && typeof r.pid === 'number' ? (r as RunningDoor) : null;
  } catch {
    return null;
  }
}

/** Written aside and renamed, so a second start never reads half a record. */
export function writeRecord(home: string, door: RunningDoor): void {
  fs.mkdirSync(home, { recursive: true });
  const tmp = `${recordFile(home)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(door, null, 1), { mode: 0o600 });
  fs.renameSync(tmp, recordFile(home));
}

/** Removes the record if it is still ours (another launcher may have started since). */
export function removeRecord(home: string, pid: number): void {
  if (readRecord(home)?.pid === pid) fs.rmSync(recordFile(home), { force: true });
}

/** The recorded door, if it answers with its token: a stale record (a killed launcher) gives null. */
export async function liveDoor(home: string, timeoutMs = 2000): Promise<RunningDoor | null> {
  const r = readRecord(home);
  if (!r) return null;
  try {
    const res = await fetch(`http://127.0.0.1:${r.port}/api/app.status`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: r.token, 'Content-Type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok ? r : null;
  } catch {
    return null;
  }
}
