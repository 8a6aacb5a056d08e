/**
 * Rows of the two planner tables (units, facilities) in a scenario. One generic implementation,
 * driven by the column list in shared/model, serves both.
 */
import type Database from 'better-sqlite3';
import { TABLE_COLUMNS, TABLE_KEY, type TableName } from '../../../shared/model/columns.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { copyPopulations } from './populations.ts';

export type RowOfTable<T extends TableName> = T extends 'units' ? Unit : Facility;
type Row = Record<string, unknown>;

const SQL_TABLE: Record<TableName, string> = { units: 'unit', facilities: 'facility' };

interface Statements {
  list: Database.Statement;
  get: Database.Statement;
  upsert: Database.Statement;
}
const cache = new WeakMap<Database.Database, Map<TableName, Statements>>();

function statements(db: Database.Database, table: TableName): Statements {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let s = perDb.get(table);
  if (!s) {
    const t = SQL_TABLE[table];
    const key = TABLE_KEY[table];
    const cols = TABLE_COLUMNS[table].map((c) => c.key);
    s = {
      list: db.prepare(`SELECT ${cols.join(', ')} FROM ${t} WHERE scenario_id = ? ORDER BY ${key}`),
      get: db.prepare(`SELECT ${cols.join(', ')} FROM ${t} WHERE scenario_id = ? AND ${key} = ?`),
      upsert: db.prepare(`INSERT INTO ${t} (scenario_id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})
        ON CONFLICT (scenario_id, ${key}) DO UPDATE SET ${cols
          .filter((c) => c !== key)
          .map((c) => `${c} = excluded.${c}`)
          .join(', ')}`),
    };
    perDb.set(table, s);
  }
  return s;
}

const boolKeys = (table: TableName) => TABLE_COLUMNS[table].filter((c) => c.type === 'bool').map((c) => c.key);
const BOOL_KEYS: Record<TableName, readonly string[]> = { units: boolKeys('units'), facilities: boolKeys('facilities') };

/** SQLite keeps booleans as 0/1. */
function fromSql<T extends TableName>(table: T, r: Row): RowOfTable<T> {
  for (const k of BOOL_KEYS[table]) {
    const v = r[k];
    if (v !== null && v !== undefined) r[k] = v === 1;
  }
  return r as unknown as RowOfTable<T>;
}
const toSql = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));

export function listRows<T extends TableName>(db: Database.Database, table: T, scenarioId: number): RowOfTable<T>[] {
  return (statements(db, table).list.all(scenarioId) as Row[]).map((r) => fromSql(table, r));
}

export function getRow<T extends TableName>(db: Database.Database, table: T, scenarioId: number, key: string): RowOfTable<T> | undefined {
  const r = statements(db, table).get.get(scenarioId, key) as Row | undefined;
  return r && fromSql(table, r);
}

/** Whether two rows hold the same values in every column. */
function sameRow(table: TableName, a: Row, b: Row): boolean {
  for (const c of TABLE_COLUMNS[table]) if ((a[c.key] ?? null) !== (b[c.key] ?? null)) return false;
  return true;
}

export interface UpsertPlan {
  write: Row[];
  added: number;
  changed: number;
  unchanged: number;
}

/** What an upsert of `rows` would do, by comparing with the rows there: nothing is written. */
export function planUpsert(db: Database.Database, table: TableName, scenarioId: number, rows: readonly object[]): UpsertPlan {
  const keyCol = TABLE_KEY[table];
  const existing = new Map<string, Row>();
  for (const r of statements(db, table).list.all(scenarioId) as Row[]) existing.set(r[keyCol] as string, fromSql(table, r) as unknown as Row);
  const plan: UpsertPlan = { write: [], added: 0, changed: 0, unchanged: 0 };
  for (const row of rows as Row[]) {
    const before = existing.get(row[keyCol] as string);
    if (before && sameRow(table, before, row)) {
      plan.unchanged++;
      continue;
    }
    if (before) plan.changed++;
    else plan.added++;
    plan.write.push(row);
  }
  return plan;
}

/**
 * Inserts or replaces rows by key. Call inside a transaction (the caller's, so an import is one).
 * Counts what was added, changed and left as it was.
 */
export function upsertRows(db: Database.Database, table: TableName, scenarioId: number, rows: readonly object[]) {
  const { write, added, changed, unchanged } = planUpsert(db, table, scenarioId, rows);
  const upsert = statements(db, table).upsert;
  const cols = TABLE_COLUMNS[table].map((c) => c.key);
  const params: unknown[] = new Array(cols.length + 1);
  for (const row of write) {
    params[0] = scenarioId;
    for (let i = 0; i < cols.length; i++) params[i + 1] = toSql(row[cols[i]!]);
    upsert.run(params);
  }
  return { added, changed, unchanged };
}

/** Sets one column of one row; the caller has validated the field name and value. */
export function setField(db: Database.Database, table: TableName, scenarioId: number, key: string, field: string, value: unknown): void {
  const cols = TABLE_COLUMNS[table].map((c) => c.key) as string[];
  if (!cols.includes(field)) throw new Error(`unknown column ${field}`); // guarded by the service; never reached from input
  db.prepare(`UPDATE ${SQL_TABLE[table]} SET ${field} = ? WHERE scenario_id = ? AND ${TABLE_KEY[table]} = ?`).run(toSql(value), scenarioId, key);
}

/** Puts a whole row in place of what is there under its key, or (null) deletes the row `key`. */
export function setRow(db: Database.Database, table: TableName, scenarioId: number, key: string, row: object | null): void {
  if (row === null) {
    db.prepare(`DELETE FROM ${SQL_TABLE[table]} WHERE scenario_id = ? AND ${TABLE_KEY[table]} = ?`).run(scenarioId, key);
    return;
  }
  const cols = TABLE_COLUMNS[table].map((c) => c.key);
  statements(db, table).upsert.run([scenarioId, ...cols.map((c) => toSql((row as Row)[c]))]);
}

/** Copies every unit and facility of one scenario into another (a new scenario starts as a copy). */
export function copyScenarioRows(db: Database.Database, from: number, to: number): void {
  for (const table of ['units', 'facilities'] as const) {
    const cols = TABLE_COLUMNS[table].map((c) => c.key).join(', ');
    db.prepare(`INSERT INTO ${SQL_TABLE[table]} (scenario_id, ${cols}) SELECT ?, ${cols} FROM ${SQL_TABLE[table]} WHERE scenario_id = ?`).run(to, from);
  }
  copyPopulations(db, from, to);
}
