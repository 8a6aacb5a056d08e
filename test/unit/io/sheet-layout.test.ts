// The layouts of real sheets (sheet-layout.ts) and numbers as planners write them (cells.ts), on sheets of text
// cells as readSheet gives them: rows numbered as the spreadsheet shows them (the first row is row 1).
import { describe, expect, it } from 'vitest';
import { findLayout, isTitleRow } from '../../../shared/model/sheet-layout.ts';
import { parsePopulationSheet } from '../../../shared/model/parse-populations.ts';
import { parseTableRows, type ParseContext, type SheetData } from '../../../shared/model/parse-rows.ts';

const ctx: ParseContext = { knownUnitCodes: new Set(['430105001000', '430105002000']), crs: 'wgs84' };
const sheet = (grid: string[][]): SheetData => ({ headers: grid[0]!, rows: grid.slice(1) });
const REQ = ['机构编码', '机构名称', '机构类型', '所在区划代码'];
const fac = (id: string, unit = '430105001000') => [id, `${id}中心`, '社区卫生服务中心', unit];

describe('where the header and the data are', () => {
  it('title rows: one text (also merged across the row), or 填报单位/单位 lines only', () => {
    expect(isTitleRow(['2025年XX区医疗机构基本情况表', '2025年XX区医疗机构基本情况表', '2025年XX区医疗机构基本情况表'])).toBe(true);
    expect(isTitleRow(['填报单位：开福区卫健局', '', '', '单位：张、人'])).toBe(true);
    expect(isTitleRow(['', '', ''])).toBe(true);
    expect(isTitleRow(['机构编码', '机构名称'])).toBe(false);
  });

  it('a two-row header saved as CSV from merged cells (the group in its first cell only) reads each sub-header under its group', () => {
    const grid = [
      ['XX区基层医疗卫生机构人员情况'],
      [...REQ, '卫生技术人员', '', '', '床位'],
      ['', '', '', '', '小计', '执业(助理)医师', '注册护士', '实有'],
      [...fac('F1'), '40', '15', '18', '30'],
    ];
    const layout = findLayout(sheet(grid), 'facilities');
    expect(layout.headerRows).toEqual([2, 3]);
    expect(layout.headers.slice(4)).toEqual(['卫生技术人员/小计', '卫生技术人员/执业(助理)医师', '卫生技术人员/注册护士', '床位/实有']);
    const r = parseTableRows('facilities', sheet(grid), ctx);
    expect(r.problems).toEqual([]);
    // 床位/实有 is read as 实有床位 (sub-header then group).
    expect(r.rows.map((f) => [f.health_technicians, f.physicians, f.nurses, f.beds_open])).toEqual([[40, 15, 18, 30]]);
    expect(r.headerRow).toBe(2);
  });

  it('a 总计 right under the header (as statistical tables put it) and its 其中 lines are passed over; a problem later still names its real row', () => {
    const grid = [
      [...REQ, '实有床位'],
      ['总计', '', '', '', '130'],
      ['其中：社区卫生服务中心', '', '', '', '130'],
      [...fac('F1'), '100'],
      [...fac('F2', '430105002000'), '三十'],
    ];
    const r = parseTableRows('facilities', sheet(grid), ctx);
    expect(r.notes.map((n) => n.row)).toEqual([2, 3]);
    expect(r.notes[1]!.message).toBe('第 3 行是合计的“其中”分项（「其中：社区卫生服务中心」），已略过');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 5, column: '实有床位', value: '三十' });
    expect(r.dataRows).toBe(2);
  });

  it("a 小计 amid the data is refused by its row; the same word as a facility's name part is not a total", () => {
    const grid = [
      [...REQ, '实有床位'],
      [...fac('F1'), '10'],
      ['', '小  计', '', '', '10'],
      [...fac('F2'), '20'],
    ];
    const r = parseTableRows('facilities', sheet(grid), ctx);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, column: '机构名称', value: '小  计' })]);
    expect(r.problems[0]!.messageEn).toContain('delete the row');
    const named = parseTableRows('facilities', sheet([[...REQ], ['F1', '小计街道社区卫生服务中心', '社区卫生服务中心', '430105001000']]), ctx);
    expect(named.problems).toEqual([]);
    expect(named.rows).toHaveLength(1);
  });

  it('populations under merged year groups: 2025年 over 常住人口 | 65岁及以上人口', () => {
    const grid = [
      ['区划代码', '2024年', '2024年', '2025年', '2025年'],
      ['区划代码', '常住人口', '65岁及以上人口', '常住人口', '65岁及以上人口'],
      ['430105001000', '1,200', '150', '1，260', '160人'],
    ];
    const r = parsePopulationSheet(sheet(grid), new Set(['430105001000']));
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { code: '430105001000', year: 2024, population: 1200, population_0_3: null, population_65_plus: 150 },
      { code: '430105001000', year: 2025, population: 1260, population_0_3: null, population_65_plus: 160 },
    ]);
    expect(r.headerRow).toBe(1);
  });
});

describe('numbers as planners write them', () => {
  const one = (header: string, value: string) =>
    parseTableRows(
      'facilities',
      sheet([
        [...REQ, header],
        [...fac('F1'), value],
      ]),
      ctx,
    );
  it('reads 1，200 (full-width comma), ５０, 12 人, 30张 in a bed column, 3辆 in 救护车, 45.5% in 床位使用率', () => {
    expect(one('实有床位', '1，200').rows[0]!.beds_open).toBe(1200);
    expect(one('注册护士', '５０').rows[0]!.nurses).toBe(50);
    expect(one('注册护士', '12 人').rows[0]!.nurses).toBe(12);
    expect(one('编制床位', '30床').rows[0]!.beds_approved).toBe(30);
    expect(one('救护车', '3辆').rows[0]!.ambulances).toBe(3);
    expect(one('床位使用率', '45.5%').rows[0]!.bed_occupancy_rate).toBeCloseTo(0.455, 12);
  });
  it("refuses another column's unit, estimates and ranges, each with its fix", () => {
    const cases: [string, string, string][] = [
      ['注册护士', '30张', '带的单位「张」不是这一列的单位（人/名）'],
      ['实有床位', '12人', '带的单位「人」不是这一列的单位（张/床）'],
      ['救护车', '2张', '带的单位「张」不是这一列的单位（辆）'],
      ['实有床位', '约30', '是约数：请填写确切的数'],
      ['实有床位', '30左右', '是约数'],
      ['注册护士', '30余人', '是约数'],
      ['实有床位', '30+', '是约数'],
      ['实有床位', '30-40', '是一个范围：请只填一个确切的数'],
      ['实有床位', '30～40张', '是一个范围'],
      ['实有床位', '30至40', '是一个范围'],
    ];
    for (const [header, value, words] of cases) {
      const r = one(header, value);
      expect(r.problems, value).toHaveLength(1);
      expect(r.problems[0], value).toMatchObject({ row: 2, column: header, value });
      expect(r.problems[0]!.message, value).toContain(`第 2 行「${header}」的值「${value}」${words}`);
    }
  });
});
