// Checking a project (shared/timeline/check.ts) and saying its changes in words (words.ts).
import { describe, expect, it } from 'vitest';
import { checkProject, type CheckContext } from '../../../shared/timeline/check.ts';
import { changesInWords } from '../../../shared/timeline/words.ts';

const ctx: CheckContext = {
  facilities: [
    { id: 'CHC', name: '某街道社区卫生服务中心', type: 'chc' },
    { id: 'THC', name: '某镇卫生院', type: 'thc' },
  ],
  projects: [{ id: 9, kind: 'new', year: 2026, facility_id: 'NEW-chc-1', facility_name: '新中心', type: 'chc' }],
  unitCodes: new Set(['U1', 'U2']),
};
const fields = (r: ReturnType<typeof checkProject>) => r.problems.map((p) => p.field);

describe('checkProject', () => {
  it('accepts an expansion, keeping only non-zero deltas', () => {
    const r = checkProject(
      { year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 40, nurses: 0 }, cost: 800, source_document: ' 开政办发〔2022〕26号 ' },
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.project).toMatchObject({
      year: 2024,
      kind: 'expand',
      facility_id: 'CHC',
      deltas: { beds_open: 40 },
      cost: 800,
      source_document: '开政办发〔2022〕26号',
      lon: null,
      type: null,
    });
  });

  it('refuses a year outside 2000–2100, naming the field in both languages', () => {
    const r = checkProject({ year: 1999, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 1 } }, ctx);
    expect(r.project).toBeNull();
    expect(r.problems).toEqual([
      { field: 'year', message: '「年份」须为 2000–2100 之间的年份（给出的是 1999）', messageEn: 'year: must be a year from 2000 to 2100 (got 1999)' },
    ]);
    expect(fields(checkProject({ year: 2101, kind: 'close', facility_id: 'CHC' }, ctx))).toEqual(['year']);
    expect(fields(checkProject({ year: 2024.5, kind: 'close', facility_id: 'CHC' }, ctx))).toEqual(['year']);
  });

  it('refuses relocate/expand/upgrade/close on a facility that is not there', () => {
    for (const kind of ['relocate', 'expand', 'upgrade', 'close'] as const) {
      const r = checkProject(
        { year: 2024, kind, facility_id: 'NOPE', lon: 113, lat: 28, type: 'sub_centre', ...(kind === 'close' ? {} : { deltas: { beds_open: 1 } }) },
        ctx,
      );
      expect(fields(r), kind).toEqual(['facility_id']);
      expect(r.problems[0]!.message).toBe('「机构」当前情景中没有编码为「NOPE」的机构');
    }
    expect(fields(checkProject({ year: 2024, kind: 'close' }, ctx))).toEqual(['facility_id']);
  });

  it('allows a project on a facility built by an earlier new-facility project, not before it is built', () => {
    expect(checkProject({ year: 2027, kind: 'expand', facility_id: 'NEW-chc-1', deltas: { beds_open: 5 } }, ctx).problems).toEqual([]);
    const early = checkProject({ year: 2025, kind: 'expand', facility_id: 'NEW-chc-1', deltas: { beds_open: 5 } }, ctx);
    expect(early.problems[0]!.message).toMatch(/要到 2026 年才新建/);
  });

  it('a new facility: needs a type and a site, an unused id, valid fields; an id is made when none is given', () => {
    expect(fields(checkProject({ year: 2024, kind: 'new' }, ctx))).toEqual(['lon', 'lat', 'type']);
    expect(fields(checkProject({ year: 2024, kind: 'new', facility_id: 'CHC', type: 'chc', lon: 113, lat: 28 }, ctx))).toEqual(['facility_id']);
    expect(fields(checkProject({ year: 2024, kind: 'new', facility_id: 'NEW-chc-1', type: 'chc', lon: 113, lat: 28 }, ctx))).toEqual(['facility_id']);
    const bad = checkProject({ year: 2024, kind: 'new', type: 'chc', lon: 113, lat: 28, fields: { beds_open: -3, tcm_hall: 'maybe' } }, ctx);
    expect(fields(bad)).toEqual(['fields.beds_open', 'fields.tcm_hall']);
    expect(bad.problems[0]!.message).toBe('新机构的「实有床位」无效（须为 ≥ 0 的数）：-3');
    const ok = checkProject({ year: 2024, kind: 'new', type: 'chc', lon: 113, lat: 28, unit_code: 'U2', fields: { beds_open: 30, tcm_hall: true } }, ctx);
    expect(ok.problems).toEqual([]);
    expect(ok.project).toMatchObject({ facility_id: 'NEW-chc-2', unit_code: 'U2', type: 'chc', fields: { beds_open: 30, tcm_hall: true } });
    expect(fields(checkProject({ year: 2024, kind: 'new', type: 'chc', lon: 113, lat: 28, unit_code: 'X9' }, ctx))).toEqual(['unit_code']);
  });

  it('a relocation needs the new site', () => {
    expect(fields(checkProject({ year: 2024, kind: 'relocate', facility_id: 'CHC' }, ctx))).toEqual(['lon', 'lat']);
    expect(fields(checkProject({ year: 2024, kind: 'relocate', facility_id: 'CHC', lon: 200, lat: 28 }, ctx))).toEqual(['lon']);
  });

  it('an upgrade needs a type other than the one it has', () => {
    expect(fields(checkProject({ year: 2024, kind: 'upgrade', facility_id: 'THC' }, ctx))).toEqual(['type']);
    expect(checkProject({ year: 2024, kind: 'upgrade', facility_id: 'THC', type: 'thc' }, ctx).problems[0]!.message).toMatch(
      /升级后的类型与现有类型（乡镇卫生院）相同/,
    );
    expect(checkProject({ year: 2024, kind: 'upgrade', facility_id: 'THC', type: 'sub_centre', deltas: { beds_open: 60 } }, ctx).problems).toEqual([]);
  });

  it('an expansion needs a change, whole numbers for counts, and only figures a project can add to', () => {
    expect(fields(checkProject({ year: 2024, kind: 'expand', facility_id: 'CHC' }, ctx))).toEqual(['deltas']);
    expect(checkProject({ year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 1.5 } }, ctx).problems[0]!.message).toBe(
      '「变化」「实有床位」的增减量须为整数',
    );
    expect(checkProject({ year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { lon: 1 } }, ctx).problems[0]!.message).toMatch(/不是可增减的数值字段/);
    expect(checkProject({ year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { floor_area_m2: 1500.5 } }, ctx).problems).toEqual([]);
  });

  it('refuses a negative cost, and changes a closure cannot have', () => {
    expect(fields(checkProject({ year: 2024, kind: 'close', facility_id: 'CHC', cost: -1 }, ctx))).toEqual(['cost']);
    expect(fields(checkProject({ year: 2024, kind: 'close', facility_id: 'CHC', deltas: { beds_open: -20 } }, ctx))).toEqual(['deltas']);
  });
});

describe('changesInWords', () => {
  const base = { type: null, lon: null, lat: null, facility_name: null, deltas: {}, fields: {} };
  it('says deltas the way a planner does', () => {
    expect(changesInWords({ ...base, kind: 'expand', deltas: { beds_open: 40, floor_area_m2: 2000, nurses: -2 } }, 'zh-CN')).toBe(
      '床位 +40；业务用房面积 +2,000 ㎡；注册护士 −2',
    );
    expect(changesInWords({ ...base, kind: 'expand', deltas: { beds_open: 40, floor_area_m2: 2000 } }, 'en')).toBe('beds +40; floor area +2,000 m²');
  });
  it('says upgrades, relocations, new facilities and closures', () => {
    expect(changesInWords({ ...base, kind: 'upgrade', type: 'sub_centre', deltas: { beds_open: 60 } }, 'zh-CN', 'thc')).toBe(
      '乡镇卫生院 → 县域医疗次中心；床位 +60',
    );
    expect(changesInWords({ ...base, kind: 'relocate', lon: 113.01234, lat: 28.30421 }, 'zh-CN')).toBe('迁至新址（113.0123, 28.3042）');
    expect(changesInWords({ ...base, kind: 'new', type: 'ems_station', fields: { ambulances: 2 } }, 'zh-CN')).toBe('新建120急救站；救护车 2 辆');
    expect(changesInWords({ ...base, kind: 'close' }, 'en')).toBe('closed: no longer counted');
  });
});
