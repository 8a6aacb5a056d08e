// Issue 16: a facility sheet written as the health statistics write it — 机构类别 as 卫生机构类别 names and codes
// (WS 218-2002) beside a 医院等级 column — imports to the tool's types; a code the tool does not plan is refused,
// listed once with its rows; after types.setAlias the same file imports.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanFile } from '../../electron/backend/db/plan-file.ts';
import { listRows, upsertRows } from '../../electron/backend/db/tables.ts';
import { importIntoPlan } from '../../electron/backend/import-into-plan.ts';
import { listTypeAliases, setTypeAlias } from '../../electron/backend/type-aliases.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir('hp-types-');
const UNITS = [
  { code: '430124000000', name: '宁乡市', parent_code: null, kind: 'county' as const },
  { code: '430124101000', name: '灰汤镇', parent_code: '430124000000', kind: 'town' as const },
].map((u) => ({
  ...u,
  urban: false,
  population: null,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: null,
  lat: null,
  year: null,
  growth_rate: null,
}));

const HEAD = '机构编码,机构名称,机构类别,医院等级,所在区划代码\n';
const ROWS = [
  'H1,宁乡市人民医院,综合医院,三级甲等,430124000000',
  'H2,宁乡市第二人民医院,A100,二级乙等,430124000000',
  'H3,灰汤镇中心卫生院,C210,,430124101000',
  'H4,宁乡市中医医院,中医医院,三级甲等,430124000000',
  'H5,灰汤镇某村卫生室,村卫生室,,430124101000',
  'H6,宁乡市急救中心,E100,,430124000000',
  'H7,宁乡市妇幼保健院,G100,二级甲等,430124000000',
];

function newPlan(name: string) {
  const p = createPlanFile(path.join(dir, name), name);
  upsertRows(p.db, 'units', 1, UNITS);
  return p;
}
const opts = { scenarioId: 1, crs: 'wgs84' as const, dryRun: false };

describe('facility types as the statistics write them', () => {
  it('卫生机构类别 names and codes with 医院等级 import to the right types', async () => {
    const p = newPlan('types.hplan');
    const [r] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.csv', bytes: Buffer.from(HEAD + ROWS.join('\n')) }], opts, (fn) =>
      p.db.transaction(fn)(),
    );
    expect(r).toMatchObject({ ok: true, added: 7 });
    expect(r!.ignoredColumns).toEqual([]); // 医院等级 is read, not ignored
    expect(listRows(p.db, 'facilities', 1).map((f) => [f.id, f.type])).toEqual([
      ['H1', 'tertiary_hospital'],
      ['H2', 'secondary_hospital'],
      ['H3', 'central_thc'],
      ['H4', 'tcm_hospital'],
      ['H5', 'village_clinic'],
      ['H6', 'ems_station'],
      ['H7', 'mch_centre'],
    ]);
    p.close();
  });

  it('a code the tool does not plan is refused, listed once with its rows; after types.setAlias the same file imports', async () => {
    const p = newPlan('unknown.hplan');
    const write = (fn: () => void) => p.db.transaction(fn)();
    const csv = Buffer.from(
      HEAD
        + [
          ...ROWS.slice(0, 3),
          'D1,灰汤镇门诊部,D110,,430124101000',
          'D2,宁乡市某门诊部,D110,,430124000000',
          'X1,宁乡市某医院,综合医院,未定级,430124000000',
        ].join('\n'),
    );
    const [refused] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.csv', bytes: csv }], opts, write);
    expect(refused!.ok).toBe(false);
    // rows 5 and 6 (header is row 1) hold D110; row 7 a 综合医院 with no level
    expect(refused!.unknownTypes).toEqual([
      { written: 'D110', rows: [5, 6] },
      { written: '综合医院', rows: [7] },
    ]);
    expect(refused!.problems.map((x) => x.row)).toEqual([5, 6, 7]);
    expect(refused!.problems[0]!.message).toContain('「D110」（卫生机构类别 D110 综合门诊部）不是本工具规划的机构类型');
    expect(refused!.problems[0]!.message).toContain("healthplan types 规划文件 --set 'D110=类型'");
    expect(refused!.problems[0]!.message).toContain('或不导入这一行');
    expect(refused!.problems[2]!.message).toContain('综合医院须有医院等级（三级/二级/一级）');
    expect(refused!.problems[2]!.message).toContain('医院等级「未定级」读不出级别');
    expect(listRows(p.db, 'facilities', 1)).toEqual([]);

    // The planner's own table: 门诊部 counted as primary hospitals here, an unrated 综合医院 as a primary hospital.
    write(() => {
      setTypeAlias(p.db, 'd110', 'secondary_hospital');
      setTypeAlias(p.db, 'D110', 'primary_hospital');
      setTypeAlias(p.db, '综合医院', 'primary_hospital');
    });
    expect(() => setTypeAlias(p.db, 'C210', 'thc')).toThrow(/本工具已能读出（中心卫生院）/); // the built-in reading stands
    expect(listTypeAliases(p.db)).toEqual([
      { written: 'D110', type: 'primary_hospital' },
      { written: '综合医院', type: 'primary_hospital' },
    ]);
    const [done] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.csv', bytes: csv }], opts, write);
    expect(done).toMatchObject({ ok: true, added: 6 });
    expect(done!.unknownTypes).toBeUndefined();
    expect(
      listRows(p.db, 'facilities', 1)
        .map((f) => [f.id, f.type])
        .sort(),
    ).toEqual([
      ['D1', 'primary_hospital'],
      ['D2', 'primary_hospital'],
      ['H1', 'tertiary_hospital'],
      ['H2', 'secondary_hospital'],
      ['H3', 'central_thc'],
      ['X1', 'primary_hospital'],
    ]);
    write(() => setTypeAlias(p.db, 'd110', null)); // any case removes it
    expect(listTypeAliases(p.db).map((a) => a.written)).toEqual(['综合医院']);
    p.close();
  });

  it('healthplan types: the refusal names the unknown once; --set maps it and the same file imports; a built-in name is refused', () => {
    const { healthplan, file } = cliIn(dir);
    const plan = path.join(dir, 'cli.hplan');
    file('u.csv', '区划代码,区划名称,上级区划代码,区划类型\n430124000000,宁乡市,,县\n430124101000,灰汤镇,430124000000,镇\n');
    const f = file('f.csv', `${HEAD}${ROWS[2]}\nD1,灰汤镇门诊部,D110,,430124101000\nD2,宁乡市某门诊部,D110,,430124000000\n`);
    expect(healthplan('import', plan, '--units', 'u.csv').code).toBe(0);
    const refused = healthplan('import', plan, '--facilities', f);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('未能识别的机构类型「D110」：2 行（第 3、4 行）');
    const set = healthplan('types', plan, '--set', 'D110=一级医院');
    expect(set.code).toBe(0);
    expect(set.out).toContain('C210 中心卫生院 → 中心卫生院 (central_thc)');
    expect(set.out).toContain('D110 → 一级医院 (primary_hospital)');
    expect(healthplan('import', plan, '--facilities', f).out).toContain('3 行；新增 3 条');
    const builtIn = healthplan('types', plan, '--set', '中心卫生院=thc');
    expect(builtIn.code).not.toBe(0);
    expect(builtIn.err).toContain('「中心卫生院」本工具已能读出（中心卫生院），不需要对照');
    const json = JSON.parse(healthplan('types', plan, '--remove', 'D110', '--json').out) as { plan: unknown[] };
    expect(json.plan).toEqual([]);
  }, 120_000);
});
