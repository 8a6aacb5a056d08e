/**
 * Opening and creating plan files (*.hplan, one SQLite database each). Before anything is written the
 * file is checked — SQLite header, our application id, format version, integrity — so a file that
 * is not a plan, is corrupt or is from a newer version is refused with a clear message and left as it
 * was. An open plan is in WAL mode under SQLite's exclusive lock: a second window or process is
 * refused, and since the lock is the operating system's a crashed process leaves none behind. A crash
 * mid-write loses only the uncommitted transaction; on close the plan is checkpointed back into one
 * self-contained file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { LATEST_VERSION, migrate } from './migrations.ts';

/** PRAGMA application_id of every plan: 'HPLN'. */
export const APPLICATION_ID = 0x48504c4e;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface PlanDb {
  db: Database.Database;
  path: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  close(): void;
}

const base = (file: string) => path.basename(file);

function lockedError(file: string): ApiError {
  return new ApiError('LOCKED',
    `方案文件「${base(file)}」已在另一个窗口或程序中打开。为防止数据损坏，本窗口拒绝打开它；请先关闭另一个窗口，或用「另存为」复制一份。`,
    `The plan "${base(file)}" is open in another window or program. To keep it safe it was not opened here; close the other window first, or work on a copy.`);
}

function corrupt(file: string, detail: string): ApiError {
  return new ApiError('CORRUPT',
    `方案文件「${base(file)}」已损坏，无法打开（${detail}）。文件未做任何改动；请从备份恢复。`,
    `The plan "${base(file)}" is damaged and cannot be opened (${detail}). It was not changed; restore it from a backup.`,
    { detail });
}

function notAPlan(file: string, sqlite: boolean): ApiError {
  return sqlite
    ? new ApiError('NOT_A_PLAN', `「${base(file)}」是 SQLite 数据库，但不是 HealthPlan 方案文件。文件未做任何改动。`,
      `"${base(file)}" is an SQLite database but not a HealthPlan plan. The file was not changed.`)
    : new ApiError('NOT_A_PLAN', `「${base(file)}」不是 HealthPlan 方案文件（.hplan）。如果这是表格，请用「导入」读入。文件未做任何改动。`,
      `"${base(file)}" is not a HealthPlan plan (.hplan). If it is a spreadsheet, use Import. The file was not changed.`);
}

const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '');

/** Reads the first bytes without SQLite, so a foreign file is never touched by it. */
function checkHeader(file: string): void {
  let fd: number;
  try { fd = fs.openSync(file, 'r'); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiError('NOT_FOUND', `找不到文件：${file}`, `File not found: ${file}`);
    throw new ApiError('FILE_ERROR', `无法读取文件：${file}（${code}）`, `Cannot read ${file} (${code})`);
  }
  try {
    const buf = Buffer.alloc(16);
    if (fs.readSync(fd, buf, 0, 16, 0) < 16 || buf.toString('latin1') !== SQLITE_HEADER) throw notAPlan(file, false);
  } finally { fs.closeSync(fd); }
}

/** Checks a freshly opened connection before anything is written; reading never changes the file. */
function validate(db: Database.Database, file: string): void {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw notAPlan(file, true);
  if ((db.pragma('user_version', { simple: true }) as number) > LATEST_VERSION) migrate(db); // throws NEWER_VERSION, writes nothing
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw corrupt(file, check);
}

function writable(file: string): boolean {
  try { fs.accessSync(file, fs.constants.W_OK); fs.accessSync(path.dirname(file), fs.constants.W_OK); return true; } catch { return false; }
}

/** Opens an existing plan, migrating it to the current format. */
export function openPlanFile(file: string): PlanDb {
  const abs = path.resolve(file);
  checkHeader(abs);
  const canWrite = writable(abs);
  let db: Database.Database | undefined;
  try {
    db = new Database(abs, { readonly: !canWrite, fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE'); // before the first read: no shared memory, no second process
    validate(db, abs);
    if (canWrite) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.exec('BEGIN EXCLUSIVE; COMMIT'); // take the write lock now, not at the first edit
      migrate(db);
    } else if ((db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION) {
      throw new ApiError('READ_ONLY', `「${base(abs)}」是旧格式且不可写，无法升级：请复制到可写的位置再打开。`,
        `"${base(abs)}" is in an older format and cannot be written, so it cannot be upgraded: copy it somewhere writable.`);
    }
  } catch (e) {
    db?.close();
    if (e instanceof ApiError) throw e;
    if (isBusy(e)) throw lockedError(abs);
    throw corrupt(abs, (e as Error).message);
  }
  return planDb(db, abs, !canWrite, canWrite ? null : '文件或所在文件夹不可写（只读打开，修改不会保存）');
}

/** Creates a new, empty plan; refuses to overwrite an existing file. */
export function createPlanFile(file: string, name: string): PlanDb {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) {
    throw new ApiError('CONFLICT', `文件已存在：${abs}。请换一个文件名，或用「打开」。`, `The file already exists: ${abs}. Choose another name, or open it.`);
  }
  try { fs.mkdirSync(path.dirname(abs), { recursive: true }); } catch (e) {
    throw new ApiError('FILE_ERROR', `无法创建文件夹：${path.dirname(abs)}`, `Cannot create the folder ${path.dirname(abs)}`, { cause: String(e) });
  }
  // Build under a temporary name and rename it into place, so a crash never leaves half a plan.
  const tmp = `${abs}.${process.pid}.creating`;
  const db = new Database(tmp);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    db.prepare("INSERT INTO plan_meta (key, value) VALUES ('name', ?), ('created_at', ?)").run(name, new Date().toISOString());
    db.close();
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (db.open) db.close();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return openPlanFile(abs);
}

function planDb(db: Database.Database, file: string, readOnly: boolean, readOnlyReason: string | null): PlanDb {
  return {
    db, path: file, readOnly, readOnlyReason,
    close() {
      if (!db.open) return;
      try {
        if (!readOnly) db.pragma('journal_mode = DELETE'); // checkpoint: the file at rest is self-contained
      } catch { /* the file was moved or deleted under us: nothing left to tidy */ }
      db.close();
    },
  };
}
