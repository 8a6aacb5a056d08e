/** One cell edit from a table: validated against the column, checked against the plan, logged for undo. */
import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import { invalidArgs } from '../../shared/api/say-issues.ts';
import { TABLE_COLUMNS, TABLE_KEY, type TableName } from '../../shared/model/columns.ts';
import { FACILITY_FIELD_SCHEMAS, UNIT_FIELD_SCHEMAS } from '../../shared/model/entities.ts';
import { recordEdit } from './db/edit-log.ts';
import type { PlanDb } from './db/plan-file.ts';
import { getRow, setField, type RowOfTable } from './db/tables.ts';
import { loopThrough } from '../../shared/model/hierarchy.ts';

const FIELD_SCHEMAS: Record<TableName, Record<string, z.ZodType>> = { units: UNIT_FIELD_SCHEMAS, facilities: FACILITY_FIELD_SCHEMAS };

export function editCell<T extends TableName>(p: PlanDb, table: T, scenarioId: number, key: string, field: string, value: unknown): RowOfTable<T> {
  const column = TABLE_COLUMNS[table].find((c) => c.key === field);
  if (!column) throw new ApiError('INVALID_ARGS', `没有名为「${field}」的列`, `No column named "${field}"`);
  if (field === TABLE_KEY[table]) {
    throw new ApiError(
      'INVALID_ARGS',
      `「${column.zh}」是行的标识，不能在表格中修改；请用导入修改`,
      `"${column.en}" identifies the row and cannot be edited in place; change it by import`,
    );
  }
  const parsed = FIELD_SCHEMAS[table][field]!.safeParse(typeof value === 'string' && value.trim() === '' ? null : value);
  if (!parsed.success) {
    throw invalidArgs(
      parsed.error.issues.map((i) => ({ ...i, path: [field, ...i.path] })),
      { [field]: value },
      table === 'facilities' ? 'facility' : 'args',
    );
  }
  const before = getRow(p.db, table, scenarioId, key);
  if (!before) throw new ApiError('NOT_FOUND', `找不到「${key}」`, `No row "${key}"`);
  const next = parsed.data;
  if (field === 'unit_code' || field === 'parent_code') checkUnitReference(p, scenarioId, key, field, next);
  const old = (before as Record<string, unknown>)[field] ?? null;
  if (old !== next) {
    setField(p.db, table, scenarioId, key, field, next);
    recordEdit(p.db, scenarioId, table, key, field, old, next);
  }
  return getRow(p.db, table, scenarioId, key)!;
}

function checkUnitReference(p: PlanDb, scenarioId: number, key: string, field: string, code: unknown): void {
  if (code === null && field === 'parent_code') return;
  if (code === key) throw new ApiError('INVALID_ARGS', '单位不能是自己的上级', 'A unit cannot be its own parent');
  if (typeof code !== 'string' || !getRow(p.db, 'units', scenarioId, code)) {
    throw new ApiError(
      'INVALID_ARGS',
      `区划代码「${String(code)}」不在本方案中：请填写已有单位的代码`,
      `Unit code "${String(code)}" is not in the plan: use the code of an existing unit`,
    );
  }
  if (field === 'parent_code') {
    const parentOf = p.db.prepare('SELECT parent_code FROM unit WHERE scenario_id = ? AND code = ?').pluck();
    const loop = loopThrough(key, code, (c) => parentOf.get(scenarioId, c) as string | null | undefined);
    if (loop) {
      throw new ApiError(
        'INVALID_ARGS',
        `上级关系会形成循环（${loop.join(' → ')}）：一个单位不能是自己下级的下级`,
        `The parent codes would form a loop (${loop.join(' → ')}): a unit cannot sit below its own subunit`,
      );
    }
  }
}
