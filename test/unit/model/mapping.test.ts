// Column mapping (shared/model/mapping.ts): what each column of a planner's own sheet would fill, and how it is confirmed.
import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  confirmMessage,
  guessFromHeader,
  isIgnorableHeader,
  looseHeader,
  mappingOf,
  parseMappingSpec,
  proposeForSheet,
  proposeMapping,
  resolveMapping,
  signature,
  specOfGuesses,
} from '../../../shared/model/mapping.ts';
import { parseTableRows } from '../../../shared/model/parse-rows.ts';
import { parsePopulationSheet, POPULATION_SHEET_COLUMNS } from '../../../shared/model/parse-populations.ts';

const fieldOf = (p: ReturnType<typeof proposeMapping>, header: string) => p.columns.find((c) => c.header === header);

// The "Done when" facility sheet of issue 16: headers as a 卫健委's statistics export writes them, outside the alias list.
const DONE_WHEN_HEADERS = [
  '机构代码',
  '单位名称',
  '所在乡镇（街道）编码',
  '机构类别',
  '经度(°)',
  '纬度',
  '编制床位数',
  '实有床位（张）',
  '执业（助理）医师数',
  '全科医生人数',
];
const DONE_WHEN_ROWS = [
  ['F001', '沙坪街道社区卫生服务中心', '430105005000', '社区卫生服务中心', '113.0123', '28.3012', '30', '28', '12', '5'],
  ['F002', '捞刀河街道社区卫生服务中心', '430105007000', '社区卫生服务中心', '113.0456', '28.2789', '40', '45', '15', '6'],
];

describe('proposeMapping: guesses from the header', () => {
  it('the Done-when sheet: eight headers exact, 所在乡镇（街道）编码 and 全科医生人数 guessed, nothing missing, not sure', () => {
    const p = proposeMapping('facilities', DONE_WHEN_HEADERS, DONE_WHEN_ROWS);
    expect(p.columns.map((c) => [c.header, c.field, c.how])).toEqual([
      ['机构代码', 'id', 'exact'],
      ['单位名称', 'name', 'exact'],
      ['所在乡镇（街道）编码', 'unit_code', 'guess'],
      ['机构类别', 'type', 'exact'],
      ['经度(°)', 'lon', 'exact'],
      ['纬度', 'lat', 'exact'],
      ['编制床位数', 'beds_approved', 'exact'],
      ['实有床位（张）', 'beds_open', 'exact'],
      ['执业（助理）医师数', 'physicians', 'exact'],
      ['全科医生人数', 'gps', 'guess'],
    ]);
    expect(p.missingRequired).toEqual([]);
    expect(p.duplicates).toEqual([]);
    expect(p.sure).toBe(false);
    expect(fieldOf(p, '全科医生人数')!.sample).toEqual(['5', '6']);
  });

  it('loosens brackets, 编码/编号 → 代码, 乡镇（街道） → 街道乡镇, 所在/所属, 数/人数 and units in brackets', () => {
    expect(looseHeader('所在乡镇（街道）编码')).toBe(looseHeader('所在街道（乡镇）代码'));
    expect(looseHeader('全科医生人数')).toBe('全科医生');
    expect(looseHeader('注册护士 （人）')).toBe('注册护士');
    expect(looseHeader('常住人口（万人）')).not.toBe(looseHeader('常住人口')); // 万人 changes the numbers: never dropped
    expect(guessFromHeader('facilities', '所属乡镇编码')).toBe(null); // 乡镇代码 names no field (only 街道（乡镇）代码 does)
    expect(guessFromHeader('facilities', '所在街道乡镇编码')).toBe('unit_code');
    expect(guessFromHeader('facilities', '注册护士人数')).toBe('nurses');
    expect(guessFromHeader('facilities', '救护车数量')).toBe('ambulances');
    expect(guessFromHeader('facilities', '业务用房面积（㎡）')).toBe('floor_area_m2');
    expect(guessFromHeader('units', '统计用区划编码')).toBe('code');
    expect(guessFromHeader('units', '上级区划编码')).toBe('parent_code');
    expect(guessFromHeader('facilities', '卫生技术人员/全科医生人数')).toBe('gps'); // a two-row header, flattened by sheet-layout.ts
  });

  it('English words: beds, doctors, nurse (Longitude and LATITUDE are our English headers: exact)', () => {
    const p = proposeMapping('facilities', ['id', 'name', 'type', 'unit_code', 'Beds', 'Doctors', 'Nurse', 'Longitude', 'LATITUDE'], []);
    expect(p.columns.slice(4).map((c) => [c.field, c.how])).toEqual([
      ['beds_open', 'guess'],
      ['physicians', 'guess'],
      ['nurses', 'guess'],
      ['lon', 'exact'],
      ['lat', 'exact'],
    ]);
  });

  it('a guess never takes a field a header names exactly, and never two columns for one field', () => {
    // 床位数 is an alias of beds_open (exact); 实有床位人数 would loosen to 实有床位 too but the field is taken.
    const p = proposeMapping('facilities', ['机构编码', '机构名称', '机构类型', '所在区划代码', '实有床位人数', '床位数', '全科医生人数', '全科医师人数'], []);
    expect(fieldOf(p, '床位数')).toMatchObject({ field: 'beds_open', how: 'exact' });
    expect(fieldOf(p, '实有床位人数')).toMatchObject({ field: null, how: 'none' });
    expect(fieldOf(p, '全科医生人数')).toMatchObject({ field: 'gps', how: 'guess' });
    expect(fieldOf(p, '全科医师人数')).toMatchObject({ field: null, how: 'none' });
  });
});

describe('proposeMapping: guesses from the first rows', () => {
  it("12-digit codes → the unit a facility stands in; decimals in China's ranges → lon and lat", () => {
    const p = proposeMapping(
      'facilities',
      ['机构编码', '机构名称', '机构类型', '街道', 'X坐标', 'Y坐标'],
      [
        ['F1', 'A', '村卫生室', '430105005000', '113.012345', '28.301234'],
        ['F2', 'B', '村卫生室', '430105007000', '112.998765', '28.279001'],
      ],
    );
    expect(p.columns.slice(3).map((c) => [c.field, c.how])).toEqual([
      ['unit_code', 'values'],
      ['lon', 'values'],
      ['lat', 'values'],
    ]);
    expect(p.missingRequired).toEqual([]);
  });

  it('whole numbers between 73 and 136 (beds) are not taken for a longitude', () => {
    const p = proposeMapping(
      'facilities',
      ['机构编码', '机构名称', '机构类型', '所在区划代码', '开放病床'],
      [
        ['F1', 'A', '乡镇卫生院', '430105005000', '80'],
        ['F2', 'B', '乡镇卫生院', '430105007000', '120'],
      ],
    );
    expect(fieldOf(p, '开放病床')).toMatchObject({ field: null, how: 'none' });
  });

  it('units: a 12-digit column is the code, a second one under 上级… the parent code', () => {
    const p = proposeMapping(
      'units',
      ['单位', '上级单位', '区划名称', '类型'],
      [
        ['430105005000', '430105000000', '沙坪街道', '街道'],
        ['430105007000', '430105000000', '捞刀河街道', '街道'],
      ],
    );
    expect(p.columns.slice(0, 2).map((c) => c.field)).toEqual(['code', 'parent_code']);
  });

  it('是/否 columns go to the boolean field whose name is closest to the header', () => {
    const p = proposeMapping(
      'facilities',
      ['机构编码', '机构名称', '机构类型', '所在区划代码', '建有中医馆', '设发热门诊', '其他'],
      [
        ['F1', 'A', '社区卫生服务中心', '430105005000', '是', '否', '是'],
        ['F2', 'B', '社区卫生服务中心', '430105007000', '否', '是', '否'],
      ],
    );
    expect(fieldOf(p, '建有中医馆')).toMatchObject({ field: 'tcm_hall', how: 'values' });
    expect(fieldOf(p, '设发热门诊')).toMatchObject({ field: 'fever_clinic', how: 'values' });
    expect(fieldOf(p, '其他')).toMatchObject({ field: null, how: 'none' }); // no word in common with any 是/否 field
  });
});

describe('sure, missing, duplicates, signature', () => {
  it('our own headers with 序号 and 备注 are sure; an unknown header is not', () => {
    expect(proposeMapping('units', ['序号', '区划代码', '名称', '类型', '备注'], []).sure).toBe(true);
    expect(proposeMapping('units', ['区划代码', '名称', '类型', '联系电话'], []).sure).toBe(false);
  });

  it('names the required fields still missing, and a header naming a field twice', () => {
    const p = proposeMapping('facilities', ['机构名称', '名称', '机构类型'], []);
    expect(p.missingRequired.map((m) => m.key)).toEqual(['id', 'unit_code']);
    expect(p.duplicates).toEqual([{ header: '名称', field: 'name', firstHeader: '机构名称' }]);
    expect(p.sure).toBe(false);
  });

  it('the signature is the normalised headers: the same layout written with full-width brackets or spaces is the same', () => {
    expect(signature('facilities', ['机构代码', ' 实有床位（张）', ''])).toBe(signature('facilities', ['机构代码', '实有床位(张)']));
    expect(signature('facilities', ['机构代码', '实有床位'])).not.toBe(signature('facilities', ['机构代码', '实有床位(张)']));
  });

  it('a title row above the headers is passed over', () => {
    const p = proposeForSheet('facilities', { headers: ['2023年开福区医疗卫生机构基本情况表', '', ''], rows: [DONE_WHEN_HEADERS, ...DONE_WHEN_ROWS] });
    expect(p.headerIndex).toBe(0);
    expect(fieldOf(p, '所在乡镇（街道）编码')!.field).toBe('unit_code');
  });

  it('populations: year columns (2025年常住人口) are exact; a code column found from its values', () => {
    const p = proposeMapping(
      'populations',
      ['街道', '名称', '2020年常住人口', '2025年常住人口'],
      [
        ['430105005000', '沙坪街道', '61000', '63500'],
        ['430105007000', '捞刀河', '52000', '54100'],
      ],
    );
    expect(p.columns.map((c) => [c.field, c.how])).toEqual([
      ['code', 'values'],
      [null, 'none'],
      ['2020:population', 'exact'],
      ['2025:population', 'exact'],
    ]);
  });

  it('populations: our own export (区划代码, 名称, 年份, 常住人口 …) is sure — its 名称 is for reading and passed over like 序号/备注', () => {
    // The header row populations.export writes (POPULATION_SHEET_COLUMNS, zh), and the English one.
    const ours = POPULATION_SHEET_COLUMNS.map((c) => c.zh);
    expect(ours).toEqual(['区划代码', '名称', '年份', '常住人口', '0-3岁人口', '65岁及以上人口']);
    const p = proposeMapping('populations', ours, [['430105005000', '沙坪街道', '2025', '63500', '', '']]);
    expect(p).toMatchObject({ sure: true, missingRequired: [], duplicates: [] });
    expect(fieldOf(p, '名称')).toMatchObject({ field: null, how: 'none' });
    expect(isIgnorableHeader('名称', 'populations')).toBe(true);
    expect(
      proposeMapping(
        'populations',
        POPULATION_SHEET_COLUMNS.map((c) => c.en),
        [],
      ).sure,
    ).toBe(true);
    // Only the populations sheet passes over 名称: on a facilities sheet it is the facility's name.
    expect(isIgnorableHeader('名称', 'facilities')).toBe(false);
    expect(isIgnorableHeader('名称')).toBe(false);
    // An unknown column still asks.
    expect(proposeMapping('populations', [...ours, '辖区面积'], []).sure).toBe(false);
  });
});

describe('a confirmed mapping, applied', () => {
  it('the Done-when sheet reads, once confirmed, as if it had our headers', () => {
    const p = proposeMapping('facilities', DONE_WHEN_HEADERS, DONE_WHEN_ROWS);
    const { mapping, problems } = resolveMapping('facilities', DONE_WHEN_HEADERS, mappingOf(p));
    expect(problems).toEqual([]);
    const { sheet, renamed } = applyMapping('facilities', { headers: DONE_WHEN_HEADERS, rows: DONE_WHEN_ROWS }, mapping);
    expect(renamed.get('所在区划代码')).toBe('所在乡镇（街道）编码');
    const r = parseTableRows('facilities', sheet, { knownUnitCodes: new Set(['430105005000', '430105007000']), crs: 'wgs84' });
    expect(r.problems).toEqual([]);
    expect(r.rows.map((f) => [f.id, f.unit_code, f.beds_open, f.beds_approved, f.physicians, f.gps, f.lon])).toEqual([
      ['F001', '430105005000', 28, 30, 12, 5, 113.0123],
      ['F002', '430105007000', 45, 40, 15, 6, 113.0456],
    ]);
  });

  it('a partial mapping is completed with the exact matches; a given field wins over an exact header', () => {
    // The planner says 床位数 are the approved beds: 床位数 (an alias of 实有床位) no longer fills beds_open.
    const { mapping } = resolveMapping('facilities', ['机构编码', '机构名称', '机构类型', '所在区划代码', '床位数', '核定床位'], { 床位数: 'beds_approved' });
    expect(mapping).toEqual({ 机构编码: 'id', 机构名称: 'name', 机构类型: 'type', 所在区划代码: 'unit_code', 床位数: 'beds_approved', 核定床位: null });
  });

  it('refuses a header the file does not have, a field the kind does not have, two headers for one field', () => {
    const h = ['机构编码', '机构名称', '机构类型', '街道', '社区'];
    expect(resolveMapping('facilities', h, { '街 道': 'unit_code' }).problems).toEqual([]); // matched after normaliseHeader
    expect(resolveMapping('facilities', h, { 乡镇: 'unit_code' }).problems[0]!.zh).toContain('「乡镇」在文件的表头中没有');
    expect(resolveMapping('facilities', h, { 街道: 'unit' }).problems[0]!.en).toContain('"unit"');
    expect(resolveMapping('facilities', h, { 街道: 'unit_code', 社区: 'unit_code' }).problems).toHaveLength(1);
  });

  it('an ignored column is emptied, so the parser passes over it', () => {
    const { sheet } = applyMapping(
      'units',
      { headers: ['区划代码', '名称', '类型', '人口'], rows: [['430105', '开福区', '区', '820790']] },
      { 区划代码: 'code', 名称: 'name', 类型: 'kind', 人口: null },
    );
    expect(sheet.headers).toEqual(['区划代码', '名称', '类型', '']);
    expect(parseTableRows('units', sheet, { knownUnitCodes: new Set(), crs: 'wgs84' }).rows[0]!.population).toBe(null);
  });

  it('populations: the code column named by the mapping, the rows read for 2020 and 2025', () => {
    const headers = ['街道', '2020年常住人口', '2025年常住人口'];
    const { mapping } = resolveMapping('populations', headers, { 街道: 'code' });
    const { sheet } = applyMapping('populations', { headers, rows: [['430105005000', '61000', '63500']] }, mapping);
    const r = parsePopulationSheet(sheet, new Set(['430105005000']));
    expect(r.problems).toEqual([]);
    expect(r.rows.map((f) => [f.code, f.year, f.population])).toEqual([
      ['430105005000', 2020, 61000],
      ['430105005000', 2025, 63500],
    ]);
  });
});

describe("parseMappingSpec: the CLI's --map", () => {
  it('field=header pairs, with -= to ignore a column', () => {
    expect(parseMappingSpec('unit_code=所在乡镇（街道）编码, gps=全科医生人数，-=备注')).toEqual({
      mapping: { '所在乡镇（街道）编码': 'unit_code', 全科医生人数: 'gps', 备注: null },
    });
  });
  it('a JSON file: header → field or null', () => {
    expect(parseMappingSpec('{ "所在乡镇（街道）编码": "unit_code", "备注": null }')).toEqual({ mapping: { '所在乡镇（街道）编码': 'unit_code', 备注: null } });
  });
  it('says what is wrong with an unreadable one', () => {
    expect(parseMappingSpec('unit_code')).toHaveProperty('error');
    expect(parseMappingSpec('{ "a": 3 }')).toHaveProperty('error');
    expect(parseMappingSpec('{ oops')).toHaveProperty('error');
    expect(parseMappingSpec('  ')).toHaveProperty('error');
  });
  it("what the refusal prints reads back as the proposal's guesses", () => {
    const p = proposeMapping('facilities', DONE_WHEN_HEADERS, DONE_WHEN_ROWS);
    expect(specOfGuesses(p)).toBe('unit_code=所在乡镇（街道）编码,gps=全科医生人数');
    expect(confirmMessage(p).zh).toContain('列「所在乡镇（街道）编码」将作为「所在区划代码」');
    expect(confirmMessage(p).zh).toContain("--map 'unit_code=所在乡镇（街道）编码,gps=全科医生人数'");
    const back = parseMappingSpec(specOfGuesses(p));
    expect('mapping' in back && resolveMapping('facilities', DONE_WHEN_HEADERS, back.mapping).mapping).toEqual(mappingOf(p));
  });
});
