/**
 * The open plan and the user's recent files: the state behind the service, shared by every door.
 * Plans live wherever the user puts them; new plans and the sample go to the plans folder
 * (Documents/HealthPlan, or `home`/plans when a home is given); the config lives under `home`
 * (HEALTHPLAN_HOME, or ~/.healthplan).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import type { PlanDb } from './db/plan-file.ts';
import { defaultPlansDir } from './user-dirs.ts';

const MAX_RECENT = 10;

export interface WorkspaceOptions {
  /** Config folder; defaults to $HEALTHPLAN_HOME or ~/.healthplan. */
  home?: string;
  /** Where new plans and the sample go; defaults to `home`/plans when a home is given, else Documents/HealthPlan. */
  plansDir?: string;
  door: 'electron' | 'web' | 'cli' | 'direct';
}

/** The config folder: the one given (option, HEALTHPLAN_HOME), else ~/.healthplan. */
export function configHome(given: string | undefined = process.env.HEALTHPLAN_HOME): string {
  return path.resolve(given ?? path.join(os.homedir(), '.healthplan'));
}

export class Workspace {
  readonly home: string;
  readonly plansDir: string;
  readonly door: WorkspaceOptions['door'];
  private current: PlanDb | null = null;
  /** ISO time of the last committed write in this session. */
  savedAt: string | null = null;
  /** Committed writes and plans opened in this session; never goes back, so a new plan is a new revision too. */
  private writes = 0;
  /** Told how a long read goes (a road network import): task, done, total. The CLI prints it; a door may forward it. */
  onProgress: ((task: string, done: number, total: number) => void) | null = null;

  constructor(opts: WorkspaceOptions) {
    const given = opts.home ?? process.env.HEALTHPLAN_HOME;
    this.home = configHome(given);
    // A given home (tests, HEALTHPLAN_HOME) keeps everything in one place; a planner's plans go to Documents.
    this.plansDir = path.resolve(opts.plansDir ?? (given ? path.join(this.home, 'plans') : defaultPlansDir()));
    this.door = opts.door;
  }

  get plan(): PlanDb | null {
    return this.current;
  }

  /**
   * The open plan's revision: grows with every committed write (write, atomically's commit, undo/redo,
   * which go through write) and with every plan opened; 0 with no plan. Every door's reply carries it.
   */
  get revision(): number {
    return this.current ? this.writes : 0;
  }

  /** The open plan, or NO_PLAN. */
  requirePlan(): PlanDb {
    if (!this.current) throw new ApiError('NO_PLAN', '尚未打开方案：请新建或打开一个方案文件', 'No plan is open: create or open a plan first');
    return this.current;
  }

  /** The open plan for a write, or READ_ONLY. */
  requireWritable(): PlanDb {
    const p = this.requirePlan();
    if (p.readOnly)
      throw new ApiError(
        'READ_ONLY',
        `方案以只读方式打开，不能修改（${p.readOnlyReason ?? ''}）`,
        `The plan is open read-only and cannot be changed (${p.readOnlyReason ?? ''})`,
      );
    return p;
  }

  /** Runs `write` in one transaction and notes the time it was committed. */
  write<T>(write: (p: PlanDb) => T): T {
    const p = this.requireWritable();
    // Inside atomically() this is a savepoint: committed (and counted) with the whole.
    const nested = p.db.inTransaction;
    const result = p.db.transaction(() => write(p))();
    this.savedAt = new Date().toISOString();
    if (!nested) this.writes++;
    return result;
  }

  /**
   * Runs `fn`, which may await and call the service, as one transaction: what it writes (each write a
   * savepoint inside it) is committed together when `keep` says so, else none of it. For a door with
   * one caller at a time (the CLI): another call made meanwhile would join the transaction.
   */
  async atomically<T>(fn: () => Promise<T>, keep: (result: T) => boolean): Promise<T> {
    const { db } = this.requireWritable();
    if (db.inTransaction) throw new Error('Workspace.atomically: already in a transaction');
    db.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
    if (!db.inTransaction) throw new Error('Workspace.atomically: the transaction ended before its commit');
    if (keep(result)) {
      db.exec('COMMIT');
      this.savedAt = new Date().toISOString();
      this.writes++;
    } else db.exec('ROLLBACK');
    return result;
  }

  setPlan(next: PlanDb): void {
    const previous = this.current;
    this.current = next;
    try {
      previous?.close();
    } catch {
      /* the old file is gone or unwritable; the new plan is open regardless */
    }
    this.savedAt = null;
    this.writes++;
    this.remember(next.path);
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  private get recentFile(): string {
    return path.join(this.home, 'recent.json');
  }

  recent(): string[] {
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile, 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').filter((f) => fs.existsSync(f)) : [];
    } catch {
      return [];
    }
  }

  private remember(file: string): void {
    const list = [file, ...this.recent().filter((f) => f !== file)].slice(0, MAX_RECENT);
    try {
      fs.mkdirSync(this.home, { recursive: true });
      fs.writeFileSync(this.recentFile, JSON.stringify(list, null, 1));
    } catch {
      /* the recent list is a convenience; never fail an open over it */
    }
  }
}
