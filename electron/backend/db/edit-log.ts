/**
 * Undo and redo of edits, kept in the plan file (edit_log) so they survive a restart. A new edit
 * drops the redo stack; undo restores `before`, redo re-applies `after`. An edit is one cell, or —
 * field WHOLE_ROW — a whole row added (before null), removed (after null) or moved.
 */
import type Database from 'better-sqlite3';
import type { EditState } from '../../../shared/api/contract.ts';
import type { TableName } from '../../../shared/model/columns.ts';
import { setField, setRow } from './tables.ts';

/** The field of an edit that replaced, added or removed a whole row. */
export const WHOLE_ROW = '*';

interface EditRow {
  seq: number;
  tbl: TableName;
  row_key: string;
  field: string;
  before: string | null;
  after: string | null;
}

export function recordEdit(db: Database.Database, scenarioId: number, tbl: TableName, rowKey: string, field: string, before: unknown, after: unknown): void {
  db.prepare('DELETE FROM edit_log WHERE scenario_id = ? AND undone = 1').run(scenarioId);
  db.prepare("INSERT INTO edit_log (scenario_id, tbl, row_key, field, before, after, at) VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))").run(
    scenarioId,
    tbl,
    rowKey,
    field,
    JSON.stringify(before ?? null),
    JSON.stringify(after ?? null),
  );
}

const lastDone = (db: Database.Database, s: number) =>
  db.prepare('SELECT * FROM edit_log WHERE scenario_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1').get(s) as EditRow | undefined;
const lastUndone = (db: Database.Database, s: number) =>
  db.prepare('SELECT * FROM edit_log WHERE scenario_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1').get(s) as EditRow | undefined;

const ref = (e: EditRow | undefined) => (e ? { table: e.tbl, key: e.row_key, field: e.field } : null);

export function editState(db: Database.Database, scenarioId: number): EditState {
  return { undo: ref(lastDone(db, scenarioId)), redo: ref(lastUndone(db, scenarioId)) };
}

/** Undo restores the last edit's `before`; redo re-applies the last undone edit's `after`. */
function step(db: Database.Database, scenarioId: number, direction: 'undo' | 'redo'): EditState {
  db.transaction(() => {
    const undoing = direction === 'undo';
    const e = undoing ? lastDone(db, scenarioId) : lastUndone(db, scenarioId);
    if (!e) return;
    const value: unknown = JSON.parse((undoing ? e.before : e.after) ?? 'null');
    if (e.field === WHOLE_ROW) setRow(db, e.tbl, scenarioId, e.row_key, value as object | null);
    else setField(db, e.tbl, scenarioId, e.row_key, e.field, value);
    db.prepare('UPDATE edit_log SET undone = ? WHERE seq = ?').run(undoing ? 1 : 0, e.seq);
  })();
  return editState(db, scenarioId);
}

export const undo = (db: Database.Database, scenarioId: number) => step(db, scenarioId, 'undo');
export const redo = (db: Database.Database, scenarioId: number) => step(db, scenarioId, 'redo');

/** After an import the logged values no longer describe the rows: start the history afresh. */
export function clearEdits(db: Database.Database, scenarioId: number): void {
  db.prepare('DELETE FROM edit_log WHERE scenario_id = ?').run(scenarioId);
}
