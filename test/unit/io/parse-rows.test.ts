import { describe, expect, it } from 'vitest';
import { bd09ToWgs84, gcj02ToWgs84 } from '../../../shared/geo/crs.ts';
import { FACILITY_COLUMNS, UNIT_COLUMNS } from '../../../shared/model/columns.ts';
import { headerConflicts, matchHeader } from '../../../shared/model/parse-headers.ts';
import { parseTableRows, type ParseContext } from '../../../shared/model/parse-rows.ts';
import { rowFactoryIsFast } from '../../../shared/model/row-factory.ts';

const UNITS = new Set(['430104', '430104001', '430104002']);
const ctx = (over: Partial<ParseContext> = {}): ParseContext => ({ knownUnitCodes: UNITS, crs: 'wgs84', ...over });

/** A facility sheet with the four required columns plus the given ones. */
function facilities(extra: Record<string, string[]>, rows = 1) {
  const headers = ['机构编码', '机构名称', '机构类型', '所在区划代码', ...Object.keys(extra)];
  const data = Array.from({ length: rows }, (_, i) => [
    `F${i + 1}`,
    `机构${i + 1}`,
    '社区卫生服务中心',
    '430104001',
    ...Object.values(extra).map((v) => v[i] ?? ''),
  ]);
  return { headers, rows: data };
}
const one = (header: string, value: string, c: Partial<ParseContext> = {}) => parseTableRows('facilities', facilities({ [header]: [value] }), ctx(c));
/** One unit (a county) with one more column. */
const oneUnit = (header: string, value: string) =>
  parseTableRows('units', { headers: ['区划代码', '名称', '类型', header], rows: [['430199', '测试区', '区', value]] }, ctx());

describe('column definitions', () => {
  it('no header names two columns, and the fast row builders match the columns', () => {
    expect(headerConflicts('units')).toEqual([]);
    expect(headerConflicts('facilities')).toEqual([]);
    expect(rowFactoryIsFast('units')).toBe(true);
    expect(rowFactoryIsFast('facilities')).toBe(true);
  });
});

describe('headers', () => {
  it('matches keys, Chinese headers, English headers and aliases, full- or half-width, any case and spacing', () => {
    const idx = (h: string) => FACILITY_COLUMNS[matchHeader('facilities', h)]?.key;
    expect(idx('执业(助理)医师')).toBe('physicians');
    expect(idx('执业（助理）医师')).toBe('physicians');
    expect(idx(' 执业 ( 助理 ) 医师 ')).toBe('physicians');
    expect(idx('药师（士）')).toBe('pharmacists');
    expect(idx('药师(士)')).toBe('pharmacists');
    expect(idx('BEDS_OPEN')).toBe('beds_open');
    expect(idx('Open beds')).toBe('beds_open');
    expect(idx('实有床位（张）')).toBe('beds_open'); // trailing unit dropped
    expect(idx('*机构名称')).toBe('name'); // required-field star
    expect(idx('实有\n床位')).toBe('beds_open'); // line break inside a header cell
    expect(idx('ＬＮＧ')).toBe('lon');
    expect(idx('救护车')).toBe('ambulances');
    expect(idx('全科医生')).toBe('gps');
    expect(idx('公共卫生医师')).toBe('public_health_physicians');
    expect(idx('注册护士')).toBe('nurses');
    expect(idx('备注')).toBeUndefined();
    const u = (h: string) => UNIT_COLUMNS[matchHeader('units', h)]?.key;
    expect(u('区划代码')).toBe('code');
    expect(u('常住人口')).toBe('population');
    expect(u('面积（平方公里）')).toBe('area_km2');
  });

  it('reports recognised and ignored headers', () => {
    const r = parseTableRows(
      'facilities',
      {
        headers: ['机构编码', '名称', '类型', '区划代码', '执业（助理）医师', '备注', ''],
        rows: [['F1', '甲', 'chc', '430104001', '3', '随便', '']],
      },
      ctx(),
    );
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual({ 机构编码: 'id', 名称: 'name', 类型: 'type', 区划代码: 'unit_code', '执业（助理）医师': 'physicians' });
    expect(r.ignoredColumns).toEqual(['备注']);
    expect(r.rows[0]!.physicians).toBe(3);
  });

  it('a missing required column is one problem on row 1 naming its accepted headers', () => {
    const r = parseTableRows(
      'facilities',
      {
        headers: ['机构编码', '机构名称', '所在区划代码'],
        rows: [
          ['F1', 'a', '430104001'],
          ['F2', 'b', '430104001'],
        ],
      },
      ctx(),
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 1, column: 'type' });
    expect(r.problems[0]!.message).toContain('缺少必填列「机构类型」');
    expect(r.problems[0]!.message).toContain('机构类别');
    expect(r.problems[0]!.messageEn).toContain('missing');
    expect(r.rows).toEqual([]);
  });

  it('two headers meaning the same column is a problem', () => {
    const r = parseTableRows(
      'facilities',
      { headers: ['机构编码', '机构名称', '名称', '机构类型', '所在区划代码'], rows: [['F1', 'a', 'b', 'chc', '430104001']] },
      ctx(),
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 1, column: '名称' });
    expect(r.problems[0]!.message).toContain('「名称」和「机构名称」');
  });

  it('finds the header row below a title row and numbers rows as the spreadsheet does', () => {
    const r = parseTableRows(
      'facilities',
      {
        headers: ['2023年岳麓区基层医疗卫生机构情况表', '', '', ''],
        rows: [
          ['机构编码', '机构名称', '机构类型', '所在区划代码'],
          ['F1', 'a', 'chc', '430104001'],
          ['F2', 'b', 'chc', 'nope'],
        ],
      },
      ctx(),
    );
    expect(r.headerRow).toBe(2);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 4, column: '所在区划代码', value: 'nope' });
  });

  it('says so when no header is recognised, and when the file is the other table', () => {
    const none = parseTableRows('units', { headers: ['a', 'b'], rows: [['1', '2']] }, ctx());
    expect(none.problems).toHaveLength(1);
    expect(none.problems[0]!.message).toContain('没有可识别的表头');
    const wrong = parseTableRows('units', { headers: ['机构编码', '机构名称', '机构类型', '所在区划代码'], rows: [['F1', 'a', 'chc', '430104001']] }, ctx());
    expect(wrong.problems.some((p) => p.message.includes('看起来是机构表'))).toBe(true);
    // A units file imported as facilities: the missing id column and the hint, not a problem per row.
    const units = parseTableRows(
      'facilities',
      {
        headers: ['区划代码', '名称', '上级区划代码', '类型', '常住人口'],
        rows: Array.from({ length: 20 }, (_, i) => [`4301040${i}`, `街道${i}`, '430104', '街道', '1000']),
      },
      ctx(),
    );
    expect(units.problems.map((p) => p.message.slice(0, 12))).toEqual(['缺少必填列「机构编码」：', '这个文件看起来是单位（行']);
  });
});

describe('the file as a whole', () => {
  it('an empty file is a problem on row 0', () => {
    const r = parseTableRows('units', { headers: [], rows: [] }, ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 0, column: null });
    expect(r.problems[0]!.message).toContain('文件是空的');
  });

  it('headers only is a problem', () => {
    const r = parseTableRows('units', { headers: ['区划代码', '名称', '类型'], rows: [[], ['', ' ']] }, ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.row).toBe(0);
    expect(r.problems[0]!.message).toContain('没有数据行');
  });

  it('skips completely empty rows but keeps the row numbers', () => {
    const r = parseTableRows('facilities', facilities({ 实有床位: ['', '', 'x'] }, 3), ctx());
    // Rows 2 and 3 are fine; make row 3 empty and see row 5 reported for the bad cell.
    const sheet = facilities({ 实有床位: ['1', '', 'x'] }, 3);
    sheet.rows.splice(1, 0, ['', '', '', '', ''], []);
    const r2 = parseTableRows('facilities', sheet, ctx());
    expect(r.problems[0]!.row).toBe(4);
    expect(r2.problems).toHaveLength(1);
    expect(r2.problems[0]!.row).toBe(6);
    expect(r2.dataRows).toBe(3);
  });
});

describe('cells', () => {
  it('the example of the brief: 十二 in 实有床位 on row 7', () => {
    const r = parseTableRows('facilities', facilities({ 实有床位: ['1', '2', '3', '4', '5', '十二'] }, 6), ctx());
    expect(r.problems).toEqual([
      {
        row: 7,
        column: '实有床位',
        value: '十二',
        message: '第 7 行「实有床位」的值「十二」不是整数：请填写阿拉伯数字，如 12',
        messageEn: 'Row 7, column 实有床位: "十二" is not a whole number; write digits, e.g. 12',
      },
    ]);
    expect(r.rows).toEqual([]);
  });

  it('reads numbers the ways planners write them', () => {
    const cases: [string, number | null][] = [
      ['1,234', 1234],
      ['１２３', 123],
      [' 12 ', 12],
      ['12.0', 12],
      ['1 234', 1234],
      ['12张', 12],
      ['12.5万', 125000],
      ['="42"', 42],
      ['-', null],
      ['—', null],
      ['', null],
      ['1e3', 1000],
    ];
    for (const [raw, want] of cases) {
      const r = one('实有床位', raw);
      expect(r.problems, raw).toEqual([]);
      expect(r.rows[0]!.beds_open, raw).toBe(want);
    }
    expect(one('业务用房面积(平方米)', '1,234.56').rows[0]!.floor_area_m2).toBe(1234.56);
    expect(one('开业年份', '2015年').rows[0]!.opened_year).toBe(2015);
    expect(one('开业年份', '2015-06-01').rows[0]!.opened_year).toBe(2015);
  });

  it('reports every kind of bad cell with its row, column and value', () => {
    const bad: [string, string, string][] = [
      ['实有床位', '十二', '不是整数'],
      ['实有床位', '3.5', '只能填整数'],
      ['实有床位', '-1', '不能为负数'],
      ['实有床位', '1,2', '不是整数'],
      ['业务用房面积(平方米)', 'abc', '不是数字'],
      ['业务用房面积(平方米)', '5%', '不是数字'],
      ['开业年份', '1800', '小于 1900'],
      ['开业年份', '2200', '大于 2100'],
      ['床位使用率', '400', '超过 300%'],
      ['中医馆', '也许', '无法识别'],
      ['机构类型', '卫生所', '不是本工具规划的机构类型'], // a 卫生机构类别 (D300) we do not plan: named, with the fix (机构类别对照)
      ['优质服务基层行', '优秀', '不是可识别的达标情况'],
      ['实有床位', '#DIV/0!', 'Excel 公式错误'],
      ['机构编码', '4.30102E+11', '科学计数法'],
    ];
    for (const [header, value, words] of bad) {
      const sheet = facilities({ 实有床位: ['1', '2'] }, 2);
      let col = sheet.headers.indexOf(header);
      if (col < 0) {
        sheet.headers.push(header);
        col = sheet.headers.length - 1;
        sheet.rows.forEach((r) => {
          r[col] = '';
        });
      }
      sheet.rows[1]![col] = value;
      const r = parseTableRows('facilities', sheet, ctx());
      expect(r.problems, `${header}=${value}`).toHaveLength(1);
      expect(r.problems[0], `${header}=${value}`).toMatchObject({ row: 3, column: header, value });
      expect(r.problems[0]!.message, `${header}=${value}`).toContain(words);
      expect(r.problems[0]!.message).toMatch(/^第 3 行/);
      expect(r.problems[0]!.messageEn).toMatch(/^Row 3/);
      expect(r.rows).toEqual([]);
    }
  });

  it('an empty required cell is a problem', () => {
    const sheet = facilities({}, 2);
    sheet.rows[1]![1] = '  ';
    const r = parseTableRows('facilities', sheet, ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3, column: '机构名称', value: '' });
    expect(r.problems[0]!.message).toContain('必须填写');
  });

  it('reads bed occupancy as a share: 85%, 85 and 0.85 are all 0.85', () => {
    for (const raw of ['85%', '85', '0.85', '８５％', '85 %']) {
      const r = one('床位使用率', raw);
      expect(r.problems, raw).toEqual([]);
      expect(r.rows[0]!.bed_occupancy_rate, raw).toBeCloseTo(0.85, 12);
    }
    expect(one('床位使用率', '0.875').rows[0]!.bed_occupancy_rate).toBe(0.875);
    expect(one('床位使用率', '1').rows[0]!.bed_occupancy_rate).toBe(1);
    expect(one('床位使用率', '100%').rows[0]!.bed_occupancy_rate).toBe(1);
    // Over 100% is common (extra beds): 1.05, 105 and 105% all mean 105%.
    for (const raw of ['1.05', '105', '105%']) expect(one('床位使用率', raw).rows[0]!.bed_occupancy_rate, raw).toBeCloseTo(1.05, 12);
    expect(one('床位使用率', '400%').problems).toHaveLength(1);
  });

  it('refuses whole numbers too large to keep exactly, instead of failing in the database', () => {
    for (const raw of ['1e21', '9007199254740993']) {
      const r = oneUnit('常住人口', raw);
      expect(r.problems, raw).toHaveLength(1);
      expect(r.problems[0]!.message).toContain('太大');
    }
  });

  it("drops a unit only where it is the column's own; one that would scale the number is refused", () => {
    expect(one('实有床位（张）', '30').rows[0]!.beds_open).toBe(30);
    expect(one('实有床位', '30张').rows[0]!.beds_open).toBe(30);
    // 万人 would be 10,000 times off: the header is not taken for 常住人口.
    const wan = oneUnit('常住人口（万人）', '12');
    expect(wan.rows[0]?.population ?? null).toBeNull();
    expect(wan.ignoredColumns).toContain('常住人口（万人）');
    expect(oneUnit('常住人口', '12.5万').rows[0]!.population).toBe(125_000);
    expect(oneUnit('面积(平方公里)', '12平方米').problems).toHaveLength(1);
    expect(oneUnit('面积(平方公里)', '12平方公里').rows[0]!.area_km2).toBe(12);
    expect(one('业务用房面积', '3000㎡').rows[0]!.floor_area_m2).toBe(3000);
  });

  it('reads booleans from 是/否, 有/无, true/false, 1/0, Y/N, √/×', () => {
    const yes = ['是', '有', 'true', 'TRUE', '1', 'Y', 'y', 'yes', '√', '✓'];
    const no = ['否', '无', 'false', 'FALSE', '0', 'N', 'n', 'no', '×'];
    for (const v of yes) expect(one('中医馆', v).rows[0]!.tcm_hall, v).toBe(true);
    for (const v of no) expect(one('中医馆', v).rows[0]!.tcm_hall, v).toBe(false);
    expect(one('中医馆', '').rows[0]!.tcm_hall).toBeNull();
  });

  it('reads enums from Chinese labels, aliases and English keys', () => {
    const types: [string, string][] = [
      ['社区卫生服务中心', 'chc'],
      ['卫生院', 'thc'],
      ['三甲医院', 'tertiary_hospital'],
      ['village_clinic', 'village_clinic'],
      ['Township health centre', 'thc'],
      [' 村卫生室 ', 'village_clinic'],
    ];
    for (const [raw, key] of types) {
      const sheet = facilities({});
      sheet.rows[0]![2] = raw;
      const r = parseTableRows('facilities', sheet, ctx());
      expect(r.problems, raw).toEqual([]);
      expect(r.rows[0]!.type, raw).toBe(key);
    }
    expect(one('优质服务基层行', '推荐标准').rows[0]!.service_standard).toBe('recommended');
    expect(one('优质服务基层行', '基本').rows[0]!.service_standard).toBe('basic');
    expect(one('优质服务基层行', '').rows[0]!.service_standard).toBeNull();
  });

  it('folds full-width codes and keeps text as written (trimmed)', () => {
    const sheet = facilities({});
    sheet.rows[0]![0] = ' Ｆ１ ';
    sheet.rows[0]![1] = '  沙坪街道社区卫生服务中心 ';
    sheet.rows[0]![3] = '４３０１０４００１';
    const r = parseTableRows('facilities', sheet, ctx());
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ id: 'F1', name: '沙坪街道社区卫生服务中心', unit_code: '430104001' });
  });

  it('fills every column: absent columns are null (unknown), not zero', () => {
    const r = parseTableRows('facilities', facilities({}), ctx());
    expect(Object.keys(r.rows[0]!)).toEqual(FACILITY_COLUMNS.map((c) => c.key));
    expect(r.rows[0]!.beds_open).toBeNull();
    expect(r.rows[0]!.tcm_hall).toBeNull();
  });
});

describe('rows', () => {
  it('a duplicate key is reported on the second occurrence, naming the first row', () => {
    const sheet = facilities({}, 4);
    sheet.rows[3]![0] = 'F2';
    const r = parseTableRows('facilities', sheet, ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 5, column: '机构编码', value: 'F2' });
    expect(r.problems[0]!.message).toContain('与第 3 行重复');
  });

  it('a facility in an unknown unit is a problem telling to import units first', () => {
    const sheet = facilities({}, 2);
    sheet.rows[1]![3] = '999';
    const r = parseTableRows('facilities', sheet, ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3, column: '所在区划代码', value: '999' });
    expect(r.problems[0]!.message).toContain('请先导入单位');
  });

  it('longitude without latitude is a problem', () => {
    const r = parseTableRows('facilities', facilities({ 经度: ['112.9'], 纬度: [''] }), ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 2, column: '纬度' });
    expect(r.problems[0]!.message).toContain('成对');
    const r2 = parseTableRows('facilities', facilities({ 纬度: ['28.2'] }), ctx());
    expect(r2.problems[0]).toMatchObject({ row: 2, column: 'lon' });
  });

  it('hints at swapped coordinates', () => {
    const r = parseTableRows('facilities', facilities({ 经度: ['28.2'], 纬度: ['112.9'] }), ctx());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toContain('填反');
  });

  it('converts GCJ-02 and BD-09 coordinates to WGS-84 after validation', () => {
    const sheet = facilities({ 经度: ['112.944262'], 纬度: ['28.224701'] });
    expect(parseTableRows('facilities', sheet, ctx()).rows[0]).toMatchObject({ lon: 112.944262, lat: 28.224701 });
    const [gl, ga] = gcj02ToWgs84(112.944262, 28.224701);
    const g = parseTableRows('facilities', sheet, ctx({ crs: 'gcj02' })).rows[0]!;
    expect(g.lon).toBe(gl);
    expect(g.lat).toBe(ga);
    expect(Math.abs(g.lon! - 112.938812)).toBeLessThan(1e-5);
    const [bl, ba] = bd09ToWgs84(112.944262, 28.224701);
    const b = parseTableRows('facilities', sheet, ctx({ crs: 'bd09' })).rows[0]!;
    expect([b.lon, b.lat]).toEqual([bl, ba]);
  });

  it('units: urban from the kind when empty, 城镇/农村 accepted, parents checked in the file and the plan', () => {
    const r = parseTableRows(
      'units',
      {
        headers: ['区划代码', '名称', '上级区划代码', '类型', '城乡', '常住人口', '经度', '纬度'],
        rows: [
          ['430104003001', '望月湖社区', '430104003', '社区', '', '12,000', '', ''],
          ['430104003', '望月湖街道', '430104', '街道', '城镇', '', '112.94', '28.2'],
          ['430104100', '雨敞坪镇', '430104', '镇', '', '', '', ''],
          ['430104100201', '某村', '430104100', '村', '农村', '', '', ''],
          ['430104100202', '某村二', '430104100', '行政村', '城镇', '', '', ''],
        ],
      },
      ctx(),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows.map((u) => [u.code, u.kind, u.urban])).toEqual([
      ['430104003001', 'community', true],
      ['430104003', 'street', true],
      ['430104100', 'town', false],
      ['430104100201', 'village', false],
      ['430104100202', 'village', true],
    ]);
    expect(r.rows[0]!.population).toBe(12000);
    expect(r.rows[0]!.parent_code).toBe('430104003');
    expect(r.rows[2]!.lon).toBeNull();
  });

  it('units: unknown parent, own parent and parent loops are problems', () => {
    const r = parseTableRows(
      'units',
      {
        headers: ['区划代码', '名称', '上级区划代码', '类型'],
        rows: [
          ['A', 'a', 'B', '街道'],
          ['B', 'b', 'A', '街道'],
          ['C', 'c', 'C', '村'],
          ['D', 'd', 'ZZZ', '村'],
          ['E', 'e', '无', '市'],
          ['G', 'g', '-', '市'],
        ],
      },
      ctx(),
    );
    expect(r.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, '上级区划代码', 'B'],
      [4, '上级区划代码', 'C'],
      [5, '上级区划代码', 'ZZZ'],
    ]);
    expect(r.problems[0]!.message).toContain('循环');
    expect(r.problems[1]!.message).toContain('不能以自己为上级');
    expect(r.problems[2]!.message).toContain('找不到');
  });

  it('stops listing at maxProblems and counts the rest', () => {
    const sheet = facilities({ 实有床位: Array.from({ length: 50 }, () => 'x') }, 50);
    const r = parseTableRows('facilities', sheet, ctx({ maxProblems: 10 }));
    expect(r.problems).toHaveLength(10);
    expect(r.problemsTruncated).toBe(40);
    expect(r.problems.map((p) => p.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.rows).toEqual([]);
  });
});

describe('a large file', () => {
  it('500,000 rows × 28 columns: all rows, or the one bad cell listed', () => {
    const N = 500_000;
    const cols = FACILITY_COLUMNS;
    const rows: string[][] = new Array(N);
    for (let r = 0; r < N; r++) {
      const row: string[] = new Array(cols.length);
      for (let c = 0; c < cols.length; c++) {
        const col = cols[c]!;
        switch (col.key) {
          case 'id':
            row[c] = `F${r}`;
            break;
          case 'name':
            row[c] = `机构${r}`;
            break;
          case 'type':
            row[c] = r % 2 ? '社区卫生服务中心' : '乡镇卫生院';
            break;
          case 'unit_code':
            row[c] = r % 2 ? '430104001' : '430104002';
            break;
          case 'lon':
            row[c] = String(112.9 + (r % 1000) / 1e4);
            break;
          case 'lat':
            row[c] = String(28.2 + (r % 777) / 1e4);
            break;
          case 'bed_occupancy_rate':
            row[c] = '85%';
            break;
          case 'service_standard':
            row[c] = '推荐标准';
            break;
          case 'opened_year':
            row[c] = '2001';
            break;
          default:
            row[c] = col.type === 'bool' ? (r % 3 ? '是' : '否') : col.type === 'number' ? '1234.5' : String(r % 50);
        }
      }
      rows[r] = row;
    }
    const sheet = { headers: cols.map((c) => c.zh), rows };
    let t = performance.now();
    const ok = parseTableRows('facilities', sheet, ctx({ crs: 'gcj02' }));
    const okMs = performance.now() - t;
    expect(ok.problems).toEqual([]);
    expect(ok.rows).toHaveLength(N);
    expect(ok.rows[N - 1]!.id).toBe(`F${N - 1}`);
    expect(ok.rows[0]!.bed_occupancy_rate).toBe(0.85);

    rows[N - 10]![cols.findIndex((c) => c.key === 'nurses')] = '十二';
    t = performance.now();
    const bad = parseTableRows('facilities', sheet, ctx());
    const badMs = performance.now() - t;
    expect(bad.rows).toEqual([]);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ row: N - 10 + 2, column: '注册护士', value: '十二' });
    console.info(`parse 500,000 × ${cols.length}: ${okMs.toFixed(0)} ms (gcj02, all rows), ${badMs.toFixed(0)} ms (one problem)`);
    // A guard against quadratic work, not a speed goal (test/bench/import-facilities.ts measures it): loose, as a
    // shared machine under load runs this several times slower than a quiet one.
    expect(okMs).toBeLessThan(90_000);
  });
});
