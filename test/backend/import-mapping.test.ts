// Issue 16's column mapping on real plan files: a facility sheet whose headers are outside the alias list is
// refused with the proposal, imported once the mapping is confirmed, and imported again without a step (the
// plan remembers the layout); the CLI's --map gives the same rows as the app's path.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanFile } from '../../electron/backend/db/plan-file.ts';
import { listRows, upsertRows } from '../../electron/backend/db/tables.ts';
import { importIntoPlan } from '../../electron/backend/import-into-plan.ts';
import { importPopulations } from '../../electron/backend/import-populations.ts';
import { listMappings } from '../../electron/backend/io/mappings.ts';
import { createPlannerService } from '../../electron/backend/service.ts';
import { parseMappingSpec } from '../../shared/model/mapping.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir('hp-mapping-');

const UNITS = [
  { code: '430105000000', name: '开福区', parent_code: null, kind: 'county' as const },
  { code: '430105005000', name: '沙坪街道', parent_code: '430105000000', kind: 'street' as const },
  { code: '430105007000', name: '捞刀河街道', parent_code: '430105000000', kind: 'street' as const },
].map((u) => ({
  ...u,
  urban: true,
  population: null,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: null,
  lat: null,
  year: null,
  growth_rate: null,
}));

/**
 * The "Done when" sheet as a 卫健委's statistics export writes it: a merged title row, a two-row header (卫生技术人员
 * over 执业（助理）医师数 | 全科医生人数, the other headers merged down), headers outside the alias list, a 合计 row.
 */
async function doneWhenSheet(beds = ['28', '45']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('医疗机构');
  const top = [
    '机构代码',
    '单位名称',
    '所在乡镇（街道）编码',
    '机构类别',
    '经度(°)',
    '纬度',
    '编制床位数',
    '实有床位（张）',
    '卫生技术人员',
    '卫生技术人员',
    '备注',
  ];
  ws.addRow(['2023年开福区医疗卫生机构基本情况']);
  ws.mergeCells('A1:K1');
  ws.addRow(top);
  ws.addRow([...top.slice(0, 8), '执业（助理）医师数', '全科医生人数', '备注']);
  for (const c of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K']) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells('I2:J2');
  ws.addRow(['F001', '沙坪街道社区卫生服务中心', '430105005000', '社区卫生服务中心', '113.0123', '28.3012', '30', beds[0], '12', '5', '']);
  ws.addRow(['F002', '捞刀河街道社区卫生服务中心', '430105007000', '社区卫生服务中心', '113.0456', '28.2789', '40', beds[1], '15', '6', '新建']);
  ws.addRow(['合计', '', '', '', '', '', '70', String(Number(beds[0]) + Number(beds[1])), '27', '11', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function newPlan(name: string) {
  const file = path.join(dir, name);
  const p = createPlanFile(file, name);
  upsertRows(p.db, 'units', 1, UNITS);
  return p;
}

const row = (f: {
  id: string;
  unit_code: string;
  beds_open: number | null;
  beds_approved: number | null;
  physicians: number | null;
  gps: number | null;
  lon: number | null;
  lat: number | null;
}) => [f.id, f.unit_code, f.beds_open, f.beds_approved, f.physicians, f.gps, f.lon, f.lat];
const EXPECTED = [
  ['F001', '430105005000', 28, 30, 12, 5, 113.0123, 28.3012],
  ['F002', '430105007000', 45, 40, 15, 6, 113.0456, 28.2789],
];
// The two-row header is read as 卫生技术人员/全科医生人数 (sheet-layout.ts): the mapping names it so.
const CONFIRM = 'unit_code=所在乡镇（街道）编码,gps=卫生技术人员/全科医生人数';

describe('importing a sheet that needs a column mapping', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await doneWhenSheet();
  });

  it('refused with the proposal; imported with the confirmed mapping; then again without one, by the remembered mapping', async () => {
    const p = newPlan('map.hplan');
    const write = (fn: () => void) => p.db.transaction(fn)();
    const opts = { scenarioId: 1, crs: 'wgs84' as const, dryRun: false };

    const [refused] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes }], opts, write);
    expect(refused!.ok).toBe(false);
    expect(refused!.problems).toHaveLength(1);
    expect(refused!.problems[0]).toMatchObject({ row: 2, column: null }); // the (first) header row, under the title
    expect(refused!.problems[0]!.message).toContain(
      '表头需要确认：列「所在乡镇（街道）编码」将作为「所在区划代码」；列「卫生技术人员/全科医生人数」将作为「全科医生」',
    );
    expect(refused!.problems[0]!.message).toContain(`--map '${CONFIRM}'`);
    expect(refused!.mapping!.columns.filter((c) => c.how === 'guess').map((c) => [c.header, c.field])).toEqual([
      ['所在乡镇（街道）编码', 'unit_code'],
      ['卫生技术人员/全科医生人数', 'gps'],
    ]);
    expect(refused!.mapping!.columns.find((c) => c.header === '备注')).toMatchObject({ field: null, how: 'none' });
    expect(refused!.mapping!.missingRequired).toEqual([]);
    expect(listRows(p.db, 'facilities', 1)).toEqual([]); // nothing written

    const given = parseMappingSpec(CONFIRM);
    if (!('mapping' in given)) throw new Error('spec');
    const [done] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes, mapping: given.mapping }], opts, write);
    expect(done).toMatchObject({ ok: true, added: 2, changed: 0, mappingUsed: { source: 'given' } });
    expect(done!.columns['所在乡镇（街道）编码']).toBe('unit_code'); // reported as the planner wrote it
    expect(done!.columns['实有床位（张）']).toBe('beds_open');
    expect(done!.ignoredColumns).toEqual(['备注']);
    expect(listRows(p.db, 'facilities', 1).map(row)).toEqual(EXPECTED);
    expect(listMappings(p.db)).toHaveLength(1);
    expect(listMappings(p.db)[0]!.mapping).toMatchObject({
      '所在乡镇（街道）编码': 'unit_code',
      '卫生技术人员/全科医生人数': 'gps',
      机构代码: 'id',
      备注: null,
    });

    // The same layout next month, F002's beds now 50: no step, the remembered mapping is followed.
    const [again] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f2.xlsx', bytes: await doneWhenSheet(['28', '50']) }], opts, write);
    expect(again).toMatchObject({ ok: true, added: 0, changed: 1, unchanged: 1, mappingUsed: { source: 'remembered' } });
    expect(listRows(p.db, 'facilities', 1).map((f) => f.beds_open)).toEqual([28, 50]);
    p.close();
  });

  it('a dry run with a mapping remembers nothing; a mapping naming a header the file lacks is refused', async () => {
    const p = newPlan('dry.hplan');
    const write = (fn: () => void) => p.db.transaction(fn)();
    const [dry] = await importIntoPlan(
      p,
      [{ table: 'facilities', fileName: 'f.xlsx', bytes, mapping: { '所在乡镇（街道）编码': 'unit_code' } }],
      { scenarioId: 1, crs: 'wgs84', dryRun: true },
      () => {
        throw new Error('a dry run must not write');
      },
    );
    expect(dry).toMatchObject({ ok: true, added: 2 });
    expect(listMappings(p.db)).toEqual([]);
    const [bad] = await importIntoPlan(
      p,
      [{ table: 'facilities', fileName: 'f.xlsx', bytes, mapping: { 乡镇编码: 'unit_code' } }],
      { scenarioId: 1, crs: 'wgs84', dryRun: false },
      write,
    );
    expect(bad!.ok).toBe(false);
    expect(bad!.problems[0]!.message).toContain('「乡镇编码」在文件的表头中没有');
    expect(listRows(p.db, 'facilities', 1)).toEqual([]);
    p.close();
  });

  it('our own headers import as before: no mapping, no step', async () => {
    const p = newPlan('plain.hplan');
    const csv = Buffer.from('机构编码,机构名称,机构类型,所在区划代码,联系电话\nF1,沙坪站,社区卫生服务站,430105005000,0731-1\n');
    const [r] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.csv', bytes: csv }], { scenarioId: 1, crs: 'wgs84', dryRun: false }, (fn) =>
      p.db.transaction(fn)(),
    );
    expect(r).toMatchObject({ ok: true, added: 1, ignoredColumns: ['联系电话'] });
    expect(r!.mapping).toBeUndefined();
    expect(r!.mappingUsed).toBeUndefined();
    p.close();
  });

  it('populations: a code column known only by its 12-digit values is confirmed, then remembered', async () => {
    const p = newPlan('pop.hplan');
    const write = (fn: () => void) => p.db.transaction(fn)();
    const csv = Buffer.from('街道,名称,2020年常住人口,2025年常住人口\n430105005000,沙坪街道,61000,63500\n430105007000,捞刀河街道,52000,54100\n');
    const refused = await importPopulations(p, { fileName: 'p.csv', bytes: csv }, { scenarioId: 1, dryRun: false }, write);
    expect(refused.ok).toBe(false);
    expect(refused.problems[0]!.message).toContain('列「街道」将作为「区划代码」（按数值判断）');
    const done = await importPopulations(p, { fileName: 'p.csv', bytes: csv }, { scenarioId: 1, dryRun: false, mapping: { 街道: 'code' } }, write);
    expect(done).toMatchObject({ ok: true, added: 4 });
    const again = await importPopulations(p, { fileName: 'p.csv', bytes: csv }, { scenarioId: 1, dryRun: false }, write);
    expect(again).toMatchObject({ ok: true, added: 0, unchanged: 4, mappingUsed: { source: 'remembered' } });
    p.close();
  });

  it('sheets.inspect shows the step: columns, first rows, what the plan remembers; sheets.forgetMapping forgets it', async () => {
    const home = path.join(dir, 'svc-home');
    const svc = createPlannerService({ home, door: 'direct' });
    try {
      const plan = path.join(dir, 'svc.hplan');
      const p = newPlan('svc.hplan');
      p.close();
      await svc.call('plan.open', { path: plan });
      const file = { fileName: 'f.xlsx', dataBase64: bytes.toString('base64') };
      const seen = await svc.call('sheets.inspect', { kind: 'facilities', file });
      expect(seen.headerRow).toBe(2);
      expect(seen.preview.map((r) => r[0])).toEqual(['F001', 'F002']);
      expect(seen.proposal.sure).toBe(false);
      expect(seen.remembered).toBe(null);
      const r = await svc.call('table.import', {
        scenarioId: 1,
        table: 'facilities',
        file,
        mapping: { '所在乡镇（街道）编码': 'unit_code', '卫生技术人员/全科医生人数': 'gps' },
      });
      expect(r.ok).toBe(true);
      const after = await svc.call('sheets.inspect', { kind: 'facilities', file });
      expect(after.remembered).toMatchObject({ '所在乡镇（街道）编码': 'unit_code' });
      const [m] = await svc.call('sheets.mappings', {});
      expect(m!.signature).toBe(after.proposal.signature);
      expect(await svc.call('sheets.forgetMapping', { kind: 'facilities', signature: m!.signature })).toEqual({ forgotten: true });
      expect(await svc.call('sheets.mappings', {})).toEqual([]);

      // Siting candidates: 横坐标/纵坐标 known only by their values (China's longitude and latitude ranges).
      const csv = {
        fileName: 'c.csv',
        dataBase64: Buffer.from('候选点名称,横坐标,纵坐标\n沙坪北,113.012345,28.312345\n沙坪南,113.023456,28.298765\n').toString('base64'),
      };
      const asked = await svc.call('siting.readCandidates', { file: csv });
      expect(asked.sites).toEqual([]);
      expect(asked.problems[0]!.message).toContain('列「横坐标」将作为「经度」（按数值判断）');
      expect(asked.mapping!.columns.map((c) => c.field)).toEqual(['name', 'lon', 'lat']);
      const read = await svc.call('siting.readCandidates', { file: csv, mapping: { 横坐标: 'lon', 纵坐标: 'lat' } });
      expect(read.problems).toEqual([]);
      expect(read.sites.map((x) => [x.name, x.lon, x.lat])).toEqual([
        ['沙坪北', 113.012345, 28.312345],
        ['沙坪南', 113.023456, 28.298765],
      ]);
      expect((await svc.call('siting.readCandidates', { file: csv })).sites).toHaveLength(2); // remembered
    } finally {
      svc.close();
    }
  });
});

describe('healthplan import --map', () => {
  const { healthplan, file } = cliIn(dir);

  it('refuses a doubtful header (exit 2) with the --map that confirms it; with --map, the same rows as the app', async () => {
    const sheet = file('机构.xlsx', await doneWhenSheet());
    const units = file(
      'units.csv',
      `区划代码,名称,上级区划代码,类型\n${UNITS.map((u) => `${u.code},${u.name},${u.parent_code ?? ''},${u.kind}`).join('\n')}\n`,
    );
    const made = healthplan('import', 'cli.hplan', '--units', units);
    expect(made.code, made.err).toBe(0);

    const refused = healthplan('import', 'cli.hplan', '--facilities', sheet);
    expect(refused.code, refused.err).toBe(2);
    expect(refused.err).toContain(`确认后请加上：--map '${CONFIRM}'`);

    const two = healthplan('import', 'cli.hplan', '--units', units, '--facilities', sheet, '--map', CONFIRM);
    expect(two.code).toBe(2); // --map is for one sheet
    expect(two.err).toContain('--map-facilities');

    const spec = file('map.json', JSON.stringify({ '所在乡镇（街道）编码': 'unit_code', '卫生技术人员/全科医生人数': 'gps' }));
    const ok = healthplan('import', 'cli.hplan', '--facilities', sheet, '--map', spec);
    expect(ok.code, ok.err).toBe(0);
    const out = path.join(dir, 'back.csv');
    expect(healthplan('export', 'cli.hplan', '--facilities', out).code).toBe(0);
    const lines = fs
      .readFileSync(out, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    const h = lines[0]!.split(',');
    const cells = lines.slice(1).map((l) => l.split(',').map((c) => c.replace(/^"=""(.*)"""$/, '$1'))); // codes are written ="…" for Excel
    const col = (k: string) => h.indexOf(k);
    expect(
      cells.map((c) => [
        c[col('机构编码')],
        c[col('所在区划代码')],
        Number(c[col('实有床位')]),
        Number(c[col('编制床位')]),
        Number(c[col('执业(助理)医师')]),
        Number(c[col('全科医生')]),
        Number(c[col('经度')]),
        Number(c[col('纬度')]),
      ]),
    ).toEqual(EXPECTED);

    // Remembered: the same layout again needs no --map.
    const again = healthplan('import', 'cli.hplan', '--facilities', sheet);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('按本方案为此表头记住的列对应读取');
  });
});
