// Reading a sheet of populations by year, long or wide, all or nothing, every problem by row and column.
import { describe, expect, it } from 'vitest';
import { CellError, cellConverter } from '../../../shared/model/cells.ts';
import { UNIT_COLUMNS } from '../../../shared/model/columns.ts';
import { parsePopulationSheet } from '../../../shared/model/parse-populations.ts';

const CODES = new Set(['430105000000', '430105001000']);
const sheet = (headers: string[], ...rows: string[][]) => ({ headers, rows });

describe('populations by year', () => {
  it('long layout: one row per unit and year, with 万 and thousands separators', () => {
    const r = parsePopulationSheet(
      sheet(['区划代码', '年份', '常住人口', '65岁及以上人口'], ['430105000000', '2025年', '65.3万', '80,100'], ['430105001000', '2025', '52000', '']),
      CODES,
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { code: '430105000000', year: 2025, population: 653_000, population_0_3: null, population_65_plus: 80_100 },
      { code: '430105001000', year: 2025, population: 52_000, population_0_3: null, population_65_plus: null },
    ]);
  });

  it('wide layout: a year in each header, several spellings', () => {
    const r = parsePopulationSheet(
      sheet(
        ['统计用区划代码', '名称', '2020年常住人口', '常住人口（2025年）', '2030', '2030年65岁及以上人口'],
        ['430105000000', '开福区', '600000', '650000', '700000', '120000'],
      ),
      CODES,
    );
    expect(r.problems).toEqual([]);
    expect(r.ignoredColumns).toEqual(['名称']);
    expect(r.rows.map((f) => [f.year, f.population, f.population_65_plus])).toEqual([
      [2020, 600_000, null],
      [2025, 650_000, null],
      [2030, 700_000, 120_000],
    ]);
  });

  it('a title row above the headers is skipped, and rows are numbered as in the file', () => {
    const r = parsePopulationSheet(sheet(['开福区分年份人口'], ['区划代码', '年份', '常住人口'], ['430105000000', '2025', 'x']), CODES);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3, column: '常住人口', value: 'x' });
    expect(r.rows).toEqual([]);
  });

  it('lists every bad row: unknown code, bad number, missing year, duplicate; writes nothing', () => {
    const r = parsePopulationSheet(
      sheet(
        ['区划代码', '年份', '常住人口'],
        ['430199000000', '2025', '1'],
        ['430105000000', '', '1'],
        ['430105000000', '2025', '-5'],
        ['430105001000', '2025', '10'],
        ['430105001000', '2025', '11'],
      ),
      CODES,
    );
    expect(r.rows).toEqual([]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '区划代码'],
      [3, '年份'],
      [4, '常住人口'],
      [6, '常住人口'],
    ]);
    expect(r.problems[0]!.message).toContain('不是当前方案中的区划代码');
    expect(r.problems[3]!.message).toBe('第 6 行的单位「430105001000」2025 年常住人口与第 5 行重复：每个单位每年只能有一个数，请删除重复的行');
  });

  it('says what is missing when the sheet is not a population table', () => {
    expect(parsePopulationSheet(sheet(['名称', '常住人口'], ['开福区', '1']), CODES).problems[0]!.message).toContain('缺少必填列「区划代码」');
    expect(parsePopulationSheet(sheet(['区划代码', '名称'], ['430105000000', '开福区']), CODES).problems[0]!.message).toContain('没有可识别的人口列');
    expect(parsePopulationSheet(sheet(['区划代码', '常住人口'], ['430105000000', '1']), CODES).problems[0]!.message).toContain('没有写明年份');
  });
});

describe("the units table's growth rate (人口年均增长率, percent a year)", () => {
  const rate = cellConverter(UNIT_COLUMNS.find((c) => c.key === 'growth_rate')!);
  it('reads 1.5, 1.5% and −0.5 as percentage points, and refuses an implausible rate', () => {
    expect([rate('1.5'), rate('1.5%'), rate('-0.5'), rate('－0.5％'), rate('')]).toEqual([1.5, 1.5, -0.5, -0.5, null]);
    expect(rate('25')).toBeInstanceOf(CellError);
    expect(rate('1.5‰')).toBeInstanceOf(CellError);
  });
});
