// 机构类别对照's 内置对照 search (renderer/features/types/builtInRows.ts) over the shipped WS 218-2002 categories:
// a planner finds a category by its code as the statistics write it (full-width or not), by a name or another
// spelling, or by the type it is read as.
import { describe, expect, it } from 'vitest';
import { INSTITUTION_TYPES } from '../../../shared/model/institution-types.ts';
import { FACILITY_TYPE_LABELS } from '../../../shared/model/kinds.ts';
import { filterBuiltIn } from '../../../renderer/features/types/builtInRows.ts';

const rows = INSTITUTION_TYPES.map((t) => ({ code: t.code, name: t.name, aliases: [...(t.aliases ?? [])], type: t.type }));
// What the dialog says a row reads as (Chinese), as BuiltInTable passes it.
const reads = (r: (typeof rows)[number]) =>
  r.type === 'byLevel' ? '按医院等级：三级、二级或一级医院' : r.type === null ? '本工具不规划这类机构' : FACILITY_TYPE_LABELS[r.type].zh;
const codes = (q: string) => filterBuiltIn(rows, q, reads).map((r) => r.code);

describe('内置对照 search', () => {
  it('keeps all 37 categories, in the shipped order, for an empty or blank query', () => {
    expect(codes('')).toHaveLength(37);
    expect(codes('  ')[0]).toBe('A100');
  });
  it('finds a code however it is written: d110, Ｄ１１０, "D 110"', () => {
    expect(codes('d110')).toEqual(['D110']);
    expect(codes('Ｄ１１０')).toEqual(['D110']);
    expect(codes('D 110')).toEqual(['D110']);
  });
  it('finds by another spelling: 门诊部 is D110 综合门诊部; 卫生所 is D300 卫生所（室） and nothing else', () => {
    expect(codes('门诊部')).toEqual(['D110']);
    expect(codes('卫生所')).toEqual(['D300']);
  });
  it('finds by the type read as: 卫生院 → C100 街道卫生院, C210 中心卫生院, C220 乡卫生院 (read as 乡镇卫生院/中心卫生院)', () => {
    expect(codes('卫生院')).toEqual(['C100', 'C210', 'C220']);
    expect(codes('120急救站')).toEqual(['E100', 'E200', 'E300']);
  });
  it('finds by the level rule (A100 综合医院 alone is read by its 医院等级)', () => {
    expect(codes('医院等级')).toEqual(['A100']);
  });
  it('finds nothing for a text no category has', () => {
    expect(codes('养老')).toEqual([]);
  });
});
