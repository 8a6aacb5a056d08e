/**
 * Opening and creating plan files (*.hplan, one SQLite database each). Before anything is written the
 * file is checked — SQLite header, our application id, format version, integrity — so a file that
 * is not a plan, is corrupt or is from a newer version is refused with a clear message and left as it
 * was. An open plan is in WAL mode under SQLite's exclusive lock: a second window or process is
 * refused, and since the lock is the operating system's a crashed process leaves none behind. A crash
 * mid-write loses only the uncommitted transaction; on close the plan is checkpointed back into one
 * self-contained file. A whole plan (new, the sample) is built under a temporary name and moved into
 * place complete; replacing or deleting one takes its lock first. (POSIX drops a process's locks on a
 * file when any descriptor of it closes: never read an open plan's file with fs in the process holding it;
 * `held` below refuses a second open here before the file is touched.) A plan stays open, and locked,
 * until its close(): never until the garbage collector finds it unreferenced.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { LATEST_VERSION, migrate, newerVersionError } from './migrations.ts';

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
  return new ApiError(
    'LOCKED',
    `方案文件「${base(file)}」已在另一个窗口或程序中打开。为防止数据损坏，本窗口拒绝打开它；请先关闭另一个窗口，或用「另存为」复制一份。`,
    `The plan "${base(file)}" is open in another window or program. To keep it safe it was not opened here; close the other window first, or work on a copy.`,
  );
}

function corrupt(file: string, detail: string): ApiError {
  return new ApiError(
    'CORRUPT',
    `方案文件「${base(file)}」已损坏，无法打开（${detail}）。文件未做任何改动；请从备份恢复。`,
    `The plan "${base(file)}" is damaged and cannot be opened (${detail}). It was not changed; restore it from a backup.`,
    { detail },
  );
}

function notAPlan(file: string, sqlite: boolean): ApiError {
  return sqlite
    ? new ApiError(
        'NOT_A_PLAN',
        `「${base(file)}」是 SQLite 数据库，但不是 HealthPlan 方案文件。文件未做任何改动。`,
        `"${base(file)}" is an SQLite database but not a HealthPlan plan. The file was not changed.`,
      )
    : new ApiError(
        'NOT_A_PLAN',
        `「${base(file)}」不是 HealthPlan 方案文件（.hplan）。如果这是表格，请用「导入」读入。文件未做任何改动。`,
        `"${base(file)}" is not a HealthPlan plan (.hplan). If it is a spreadsheet, use Import. The file was not changed.`,
      );
}

/**
 * Every plan this process has open, by file identity (device, inode), until its close(). Two causes of a
 * lock that held only sometimes (issue 15; the lock test failed under load):
 * - better-sqlite3 closes a connection the garbage collector collects, which silently releases SQLite's
 *   lock: a process that opened a plan and kept no reference to its PlanDb lost the lock a few seconds
 *   later (V8's memory reducer, ~8 s after start-up; sooner or later under load), and another process could
 *   open the plan beside it. Held here, an open plan is collected never, its lock released only by close()
 *   or the process's end.
 * - a second open of a plan this process holds (the same path, a link, another spelling) read the header
 *   with fs and closed the descriptor, and POSIX then dropped all of this process's locks on the file:
 *   refused LOCKED here, but unlocked for every other process. It is refused now before the file is opened.
 */
const held = new Map<string, PlanDb>();

/**
 * The file's identity, from stat (which opens no descriptor); the path where the file system has no inode
 * numbers. A held plan's open descriptor keeps its inode, so the number is not reused meanwhile.
 */
function identity(abs: string): string | null {
  try {
    const s = fs.statSync(abs, { bigint: true });
    return s.ino === 0n ? `path:${abs}` : `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Whether two paths name one file (a symlink, a hard link, another spelling); by path when either is missing. */
export function sameFile(a: string, b: string): boolean {
  const ia = identity(path.resolve(a)),
    ib = identity(path.resolve(b));
  return ia !== null && ib !== null ? ia === ib : path.resolve(a) === path.resolve(b);
}

/** LOCKED if this process has the plan at `abs` open: checked before any descriptor of it is opened. */
function refuseIfHeldHere(abs: string): string | null {
  const id = identity(abs);
  if (id !== null && held.get(id)?.db.open) throw lockedError(abs);
  return id;
}

const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '');

/**
 * Reads the header (the first 100 bytes) without SQLite, so a foreign or newer file is refused before
 * SQLite could touch it — an open would merge a -wal beside it into the file and delete it.
 */
function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiError('NOT_FOUND', `找不到文件：${file}`, `File not found: ${file}`);
    throw new ApiError('FILE_ERROR', `无法读取文件：${file}（${code}）`, `Cannot read ${file} (${code})`);
  }
  try {
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    if (n < 16 || buf.toString('latin1', 0, 16) !== SQLITE_HEADER) throw notAPlan(file, false);
    if (n < 100) throw corrupt(file, 'header');
    // SQLite's header: user_version at offset 60, application_id at 68, both big-endian.
    if (buf.readUInt32BE(68) !== APPLICATION_ID) throw notAPlan(file, true);
    if (buf.readUInt32BE(60) > LATEST_VERSION) throw newerVersionError(buf.readUInt32BE(60));
  } finally {
    fs.closeSync(fd);
  }
}

/** A -wal or hot journal beside the file: SQLite would write it into the file on a read-write open. */
const pendingJournal = (file: string) =>
  ['-wal', '-journal'].some((x) => {
    try {
      return fs.statSync(file + x).size > 0;
    } catch {
      return false;
    }
  });

/** Checks a freshly opened connection before anything is written; reading never changes the file. */
function validate(db: Database.Database, file: string): void {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw notAPlan(file, true);
  if ((db.pragma('user_version', { simple: true }) as number) > LATEST_VERSION) migrate(db); // throws NEWER_VERSION, writes nothing
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw corrupt(file, check);
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens an existing plan, migrating it to the current format. */
export function openPlanFile(file: string): PlanDb {
  const abs = path.resolve(file);
  const id = refuseIfHeldHere(abs);
  checkHeader(abs);
  const canWrite = writable(abs);
  let db: Database.Database | undefined;
  try {
    // The header may be outdated by what a -wal holds (a newer version's migration, damage): check
    // through a read-only connection first, which never writes the -wal into the file.
    if (canWrite && pendingJournal(abs)) {
      const shm = `${abs}-shm`,
        hadShm = fs.existsSync(shm); // a read-only reader of a -wal makes one
      try {
        db = new Database(abs, { readonly: true, fileMustExist: true, timeout: 0 });
        try {
          validate(db, abs);
        } catch (e) {
          // A hot rollback journal cannot be read read-only; the header said the file is a plan of ours,
          // so the read-write open below rolls it back, as it must.
          if ((e as { code?: string }).code !== 'SQLITE_READONLY_ROLLBACK') throw e;
        }
      } finally {
        db?.close();
        db = undefined;
        if (!hadShm) fs.rmSync(shm, { force: true });
      }
    }
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
      throw new ApiError(
        'READ_ONLY',
        `「${base(abs)}」是旧格式且不可写，无法升级：请复制到可写的位置再打开。`,
        `"${base(abs)}" is in an older format and cannot be written, so it cannot be upgraded: copy it somewhere writable.`,
      );
    }
  } catch (e) {
    db?.close();
    if (e instanceof ApiError) throw e;
    if (isBusy(e)) throw lockedError(abs);
    throw corrupt(abs, (e as Error).message);
  }
  const plan = planDb(db, abs, !canWrite, canWrite ? null : '文件或所在文件夹不可写（只读打开，修改不会保存）', id);
  if (id !== null) held.set(id, plan);
  return plan;
}

function conflict(abs: string): ApiError {
  return new ApiError('CONFLICT', `文件已存在：${abs}。请换一个文件名，或用「打开」。`, `The file already exists: ${abs}. Choose another name, or open it.`);
}

/** SQLite reads a -wal or journal beside a file as that file's: one left by a plan deleted earlier must go. */
function removeLeftovers(abs: string): void {
  for (const x of ['-wal', '-shm', '-journal']) fs.rmSync(abs + x, { force: true });
}

/** Syncs a folder, so a rename in it is on disk. */
function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* Windows cannot open a folder; NTFS journals the rename itself */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Moves a finished file `tmp` (in the same folder) into place as `abs`, on disk before it appears there,
 * so a plan is never seen half-made. Without `replace` an existing `abs` is never overwritten, not even
 * by a process racing this one (CONFLICT). `replace` is for callers holding the old file's lock.
 */
export function placeFile(tmp: string, abs: string, replace = false): void {
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (replace) fs.renameSync(tmp, abs);
  else {
    if (fs.existsSync(abs)) throw conflict(abs);
    removeLeftovers(abs);
    try {
      fs.linkSync(tmp, abs); // fails if abs exists: no overwrite, however close the race
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw conflict(abs);
      fs.renameSync(tmp, abs); // a file system without hard links (FAT, exFAT): checked just above
    }
    fs.rmSync(tmp, { force: true });
  }
  fsyncFolder(path.dirname(abs));
}

/**
 * Takes the lock of a plan about to be replaced, as opening it would: LOCKED while another window or
 * process has it open. Its -wal is merged and removed, so it cannot be read as the new file's. Returns
 * the release. A file that is not an SQLite database nobody can hold; it is just replaced.
 */
function lockForReplace(abs: string): () => void {
  const stat = fs.statSync(abs);
  if (stat.isDirectory()) throw new ApiError('FILE_ERROR', `「${abs}」是文件夹，不能作为方案文件`, `"${abs}" is a folder, not a plan file`);
  refuseIfHeldHere(abs); // before the header is read: closing that descriptor would unlock our own open plan
  const head = Buffer.alloc(16);
  const fd = fs.openSync(abs, 'r');
  try {
    if (fs.readSync(fd, head, 0, 16, 0) < 16 || head.toString('latin1') !== SQLITE_HEADER) return () => {};
  } finally {
    fs.closeSync(fd);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(abs, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE'); // kept until closed
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    db.pragma('journal_mode = DELETE');
  } catch (e) {
    db?.close();
    if (isBusy(e)) throw lockedError(abs);
    removeLeftovers(abs); // a damaged file: what lies beside it goes with it
    return () => {};
  }
  fs.rmSync(`${abs}-shm`, { force: true });
  const held = db;
  return () => {
    if (held.open) held.close();
  };
}

/** Deletes a plan file, refused (LOCKED) while another window or process has it open. */
export function deletePlanFile(file: string): void {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) return;
  const release = lockForReplace(abs);
  try {
    if (process.platform === 'win32') release(); // Windows cannot delete an open file
    fs.rmSync(abs, { force: true });
  } finally {
    release();
  }
  removeLeftovers(abs);
}

export interface CreatePlanOptions {
  /** Fills the new plan, in one transaction, before it appears under its name (the sample). */
  fill?: (db: Database.Database) => void;
  /** Replace an existing file (`healthplan sample --force`): refused, LOCKED, while it is open elsewhere. */
  replace?: boolean;
}

/**
 * Creates a plan, empty or filled by `fill`, and opens it. It is built under a temporary name in the same
 * folder and moved into place when complete, so a crash leaves no plan or the whole one, never half.
 * An existing file is refused (CONFLICT) unless `replace`.
 */
export function createPlanFile(file: string, name: string, opts: CreatePlanOptions = {}): PlanDb {
  const abs = path.resolve(file);
  const replacing = fs.existsSync(abs);
  if (replacing && !opts.replace) throw conflict(abs);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
  } catch (e) {
    throw new ApiError('FILE_ERROR', `无法创建文件夹：${path.dirname(abs)}`, `Cannot create the folder ${path.dirname(abs)}`, { cause: String(e) });
  }
  const release = replacing ? lockForReplace(abs) : () => {}; // before the work: refused at once
  const tmp = `${abs}.${process.pid}.creating`;
  let db: Database.Database | undefined;
  try {
    removeLeftovers(tmp);
    fs.rmSync(tmp, { force: true });
    db = new Database(tmp);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    const built = db;
    built.transaction(() => {
      built.prepare("INSERT INTO plan_meta (key, value) VALUES ('name', ?), ('created_at', ?)").run(name, new Date().toISOString());
      opts.fill?.(built);
    })();
    db.close();
    if (process.platform === 'win32') release(); // Windows cannot rename over an open file
    placeFile(tmp, abs, replacing);
  } catch (e) {
    if (db?.open) db.close();
    fs.rmSync(tmp, { force: true });
    removeLeftovers(tmp);
    throw e;
  } finally {
    release();
  }
  return openPlanFile(abs);
}

function planDb(db: Database.Database, file: string, readOnly: boolean, readOnlyReason: string | null, id: string | null): PlanDb {
  const plan: PlanDb = {
    db,
    path: file,
    readOnly,
    readOnlyReason,
    close() {
      if (id !== null && held.get(id) === plan) held.delete(id);
      if (!db.open) return;
      try {
        if (!readOnly) db.pragma('journal_mode = DELETE'); // checkpoint: the file at rest is self-contained
      } catch {
        /* the file was moved or deleted under us: nothing left to tidy */
      }
      db.close();
    },
  };
  return plan;
}
