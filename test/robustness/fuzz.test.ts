/**
 * Hostile inputs for every importer, through the service (README, "Robustness"): a seeded generator
 * mutates valid files (truncation, random bytes, huge numbers, wrong encodings, a BOM in the middle, deep
 * nesting, empty, an enormous cell …). Each import is either accepted or refused with a message
 * (IMPORT_REJECTED, FILE_ERROR, INVALID_ARGS) — never an internal error — and a refused import leaves the
 * plan row for row as it was. Then bad plan files: plan.open refuses each with a message and the file (and
 * any -wal beside it) is byte for byte unchanged. Default a few hundred cases; HEALTHPLAN_FUZZ=long more.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../electron/backend/db/migrations.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { tmpDir } from '../backend/tmp.ts';
import {
  boundariesGeojson,
  candidatesCsv,
  facilitiesCsv,
  fileSha,
  LONG,
  planState,
  populationsCsv,
  report,
  rng,
  type Rng,
  roadsGeojson,
  SEED,
  unitsCsv,
} from './hostile.ts';

const IMPORT_CASES = LONG ? 3000 : 240;
const PLAN_CASES = LONG ? 300 : 24;
const REFUSALS = new Set(['IMPORT_REJECTED', 'FILE_ERROR', 'INVALID_ARGS']);
const PLAN_REFUSALS = new Set(['NOT_A_PLAN', 'CORRUPT', 'NEWER_VERSION', 'FILE_ERROR']);

const dir = tmpDir('hp-fuzz-');
const b64 = (b: Buffer) => b.toString('base64');

// ---- mutators: valid bytes in, hostile bytes out ----

type Mutator = (b: Buffer, r: Rng) => Buffer;
const randomBytes = (n: number, r: Rng) => Buffer.from(Array.from({ length: n }, () => r.int(256)));
const spliceIn = (b: Buffer, at: number, ins: Buffer) => Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]);
const text = (b: Buffer) => b.toString('utf8');

const BYTE_MUTATORS: Record<string, Mutator> = {
  truncate: (b, r) => b.subarray(0, r.int(b.length)),
  flipBytes: (b, r) => {
    const c = Buffer.from(b);
    for (let i = 1 + r.int(12); i > 0; i--) c[r.int(c.length)] = r.int(256);
    return c;
  },
  insertRandom: (b, r) => spliceIn(b, r.int(b.length + 1), randomBytes(1 + r.int(300), r)),
  bomInMiddle: (b, r) => spliceIn(b, r.int(b.length + 1), Buffer.from([0xef, 0xbb, 0xbf])),
  nulBytes: (b, r) => spliceIn(b, r.int(b.length + 1), Buffer.alloc(1 + r.int(64))),
  empty: () => Buffer.alloc(0),
  randomFile: (_b, r) => randomBytes(1 + r.int(4096), r),
};

const HUGE = [
  '1e308',
  '-1e308',
  '99999999999999999999999999',
  '-1',
  '1e-400',
  'NaN',
  'Infinity',
  '-0',
  '0x1F',
  '１２３',
  '٣٤',
  '9'.repeat(400),
  '1,000,000',
  '12.5.6',
];
const TEXT_MUTATORS: Record<string, Mutator> = {
  ...BYTE_MUTATORS,
  hugeNumbers: (b, r) => {
    let s = text(b);
    for (let i = 1 + r.int(5); i > 0; i--) {
      const ms = [...s.matchAll(/-?\d+(\.\d+)?/g)];
      if (!ms.length) break;
      const m = r.pick(ms);
      s = s.slice(0, m.index) + r.pick(HUGE) + s.slice(m.index! + m[0].length);
    }
    return Buffer.from(s);
  },
  utf16: (b) => iconv.encode(text(b), 'utf16le', { addBOM: true }),
  latin1Mojibake: (b) => Buffer.from(iconv.decode(b, 'latin1'), 'utf8'),
  gbkAsUtf8Mixed: (b, r) => {
    const s = text(b);
    const cut = r.int(s.length);
    return Buffer.concat([Buffer.from(s.slice(0, cut)), iconv.encode(s.slice(cut), 'gbk')]);
  },
  enormousCell: (b, r) => {
    const s = text(b);
    const at = s.indexOf('\n') + 1 + r.int(Math.max(1, s.length - s.indexOf('\n')));
    return Buffer.from(s.slice(0, at) + r.pick(['x', '中', '9', '"']).repeat((LONG ? 1 : 0.25) * (1 << 20) * (1 + r.int(8))) + s.slice(at));
  },
  deepNesting: (b, r) => {
    const d = 1000 + r.int(LONG ? 200_000 : 50_000);
    const s = text(b);
    const at = r.int(s.length);
    return Buffer.from(s.slice(0, at) + '['.repeat(d) + ']'.repeat(r.next() < 0.5 ? d : r.int(d)) + s.slice(at));
  },
  manyColumns: (b) => {
    const s = text(b);
    const nl = s.indexOf('\n');
    return Buffer.from(s.slice(0, nl).replace(/\r$/, '') + ',x'.repeat(16_384) + s.slice(nl));
  },
  duplicateLines: (b, r) => {
    const ls = text(b).split('\n');
    const l = r.pick(ls);
    const at = r.int(ls.length);
    ls.splice(at, 0, ...Array(1 + r.int(500)).fill(l));
    return Buffer.from(ls.join('\n'));
  },
  dropHeader: (b) => {
    const s = text(b);
    return Buffer.from(s.slice(s.indexOf('\n') + 1));
  },
  quotes: (b, r) => {
    const s = text(b);
    const at = r.int(s.length);
    return Buffer.from(s.slice(0, at) + '"'.repeat(1 + r.int(9)) + s.slice(at));
  },
  crOnly: (b) => Buffer.from(text(b).replace(/\r?\n/g, '\r')),
};

/** JSON-aware: a value somewhere replaced by one of another type, or the structure itself bent. */
const JSON_MUTATORS: Record<string, Mutator> = {
  ...TEXT_MUTATORS,
  typeConfusion: (b, r) => {
    const doc = JSON.parse(text(b)) as unknown;
    const odd = () =>
      r.pick<unknown>([null, true, 0, -1e308, 1e308, '', 'x'.repeat(10_000), [], {}, [[[]]], { type: 'Feature' }, [1e308, -1e308], [NaN], '112.9']);
    let node: unknown = doc;
    for (let depth = 0; depth < 8; depth++) {
      const keys = node && typeof node === 'object' ? Object.keys(node) : [];
      if (!keys.length) break;
      const k = r.pick(keys);
      const child = (node as Record<string, unknown>)[k];
      if (depth > 0 && (r.next() < 0.3 || !child || typeof child !== 'object')) {
        (node as Record<string, unknown>)[k] = odd();
        break;
      }
      node = child;
    }
    return Buffer.from(JSON.stringify(doc));
  },
  deepGeometry: (b, r) => {
    const doc = JSON.parse(text(b)) as { features: { geometry: { coordinates: unknown } }[] };
    const d = 1000 + r.int(LONG ? 100_000 : 20_000);
    const f = r.pick(doc.features);
    f.geometry.coordinates = '__DEEP__';
    return Buffer.from(JSON.stringify(doc).replace('"__DEEP__"', '['.repeat(d) + '1' + ']'.repeat(d)));
  },
  notACollection: (_b, r) =>
    Buffer.from(
      r.pick([
        'null',
        '[]',
        '{}',
        '{"type":"FeatureCollection"}',
        '{"type":"FeatureCollection","features":{}}',
        '{"type":"FeatureCollection","features":[null,1,"x"]}',
        '"FeatureCollection"',
        '1e999',
      ]),
    ),
};

/** A sheet from CSV text, cells optionally made hostile: huge numbers, long strings, errors, dates, rich text. */
async function xlsxOf(csv: string, r: Rng | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const [i, line] of csv.trim().split(/\r?\n/).entries()) {
    const row = line.split(',').map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)) as ExcelJS.CellValue[];
    if (r && i > 0 && r.next() < 0.3) {
      const j = r.int(row.length);
      row[j] = r.pick<ExcelJS.CellValue>([
        1e308,
        -1e308,
        Number.MAX_SAFE_INTEGER * 1000,
        '',
        ' ',
        'x'.repeat(32_000),
        new Date(1900, 0, 1),
        true,
        { error: '#N/A' } as ExcelJS.CellErrorValue,
        { richText: [{ text: '开福' }, { text: '区' }] },
        { formula: 'A1', result: 7 } as ExcelJS.CellFormulaValue,
        { formula: 'B2*2' } as ExcelJS.CellFormulaValue,
        '=1+1',
        '\u0000',
        '\ufeff430105',
      ]);
    }
    ws.addRow(row);
  }
  // A value in the last column Excel has (XFD) or far down: the used range a reader must not allocate.
  if (r && r.next() < 0.5) ws.getCell(r.pick(['XFD2', 'A1048576', 'ZZ3'])).value = r.pick([1, 'x']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Importer {
  name: string;
  ext: string;
  mutators: Record<string, Mutator>;
  valid: Buffer;
  args(file: { fileName: string; dataBase64: string }): [string, unknown];
  writes: boolean;
}

describe(`hostile files for every importer (${IMPORT_CASES} cases, seed ${SEED})`, () => {
  let svc: Service;
  const importers: Importer[] = [];
  const counts = { cases: 0, faults: 0, failures: 0, notes: [] as string[] };
  const failures: string[] = [];

  beforeAll(async () => {
    const g = rng(SEED);
    svc = createPlannerService({ home: path.join(dir, 'home'), door: 'direct' });
    await svc.call('plan.new', { path: path.join(dir, 'fuzz.hplan') });
    const units = unitsCsv(3, 6, g),
      facilities = facilitiesCsv(3, 6, g);
    const file = (fileName: string, s: string | Buffer) => ({ fileName, dataBase64: b64(Buffer.from(s)) });
    await svc.call('tables.import', { scenarioId: 1, units: file('u.csv', units), facilities: file('f.csv', facilities) });
    await svc.call('roads.import', { file: file('r.geojson', roadsGeojson(200, g)) });
    await svc.call('boundaries.import', { file: file('b.geojson', boundariesGeojson(3)) });
    const csv = TEXT_MUTATORS,
      json = JSON_MUTATORS;
    const [ux, fx] = await Promise.all([xlsxOf(units, null), xlsxOf(facilities, null)]);
    const variants = LONG ? 40 : 8;
    const uxBad = await Promise.all(Array.from({ length: variants }, () => xlsxOf(units, g)));
    const fxBad = await Promise.all(Array.from({ length: variants }, () => xlsxOf(facilities, g)));
    const table =
      (t: 'units' | 'facilities') =>
      (f: object): [string, unknown] => ['tables.import', { scenarioId: 1, [t]: f }];
    importers.push(
      { name: 'units csv', ext: 'csv', mutators: csv, valid: Buffer.from(units), args: table('units'), writes: true },
      { name: 'facilities csv', ext: 'csv', mutators: csv, valid: Buffer.from(facilities), args: table('facilities'), writes: true },
      { name: 'units xlsx', ext: 'xlsx', mutators: BYTE_MUTATORS, valid: ux, args: table('units'), writes: true },
      { name: 'facilities xlsx', ext: 'xlsx', mutators: BYTE_MUTATORS, valid: fx, args: table('facilities'), writes: true },
      // Sheets written with hostile cells (one of several, picked by the mutator), as written or then truncated.
      {
        name: 'units xlsx, hostile cells',
        ext: 'xlsx',
        mutators: { asWritten: (_b, r) => r.pick(uxBad), truncated: (_b, r) => BYTE_MUTATORS.truncate!(r.pick(uxBad), r) },
        valid: ux,
        args: table('units'),
        writes: true,
      },
      {
        name: 'facilities xlsx, hostile cells',
        ext: 'xlsx',
        mutators: { asWritten: (_b, r) => r.pick(fxBad), flipped: (_b, r) => BYTE_MUTATORS.flipBytes!(r.pick(fxBad), r) },
        valid: fx,
        args: table('facilities'),
        writes: true,
      },
      {
        name: 'populations csv',
        ext: 'csv',
        mutators: csv,
        valid: Buffer.from(populationsCsv(3, g)),
        args: (f) => ['populations.import', { scenarioId: 1, file: f }],
        writes: true,
      },
      {
        name: 'candidates csv',
        ext: 'csv',
        mutators: csv,
        valid: Buffer.from(candidatesCsv(20, g)),
        args: (f) => ['siting.readCandidates', { file: f }],
        writes: false,
      },
      {
        name: 'roads GeoJSON',
        ext: 'geojson',
        mutators: json,
        valid: Buffer.from(roadsGeojson(200, g)),
        args: (f) => ['roads.import', { file: f }],
        writes: true,
      },
      {
        name: 'boundaries GeoJSON',
        ext: 'geojson',
        mutators: json,
        valid: Buffer.from(boundariesGeojson(3)),
        args: (f) => ['boundaries.import', { file: f }],
        writes: true,
      },
    );
  }, 120_000);

  afterAll(() => {
    svc?.close();
    report('fuzz: importers', { ...counts, notes: failures.slice(0, 50) });
  });

  it(
    'each is accepted, or refused with a message and the plan untouched; never an internal error',
    async () => {
      const r = rng(SEED + 1);
      const tally: Record<string, number> = {};
      const db = () => svc.workspace.requirePlan().db;
      for (let i = 0; i < IMPORT_CASES; i++) {
        const imp = importers[i % importers.length]!;
        const mutName = r.pick(Object.keys(imp.mutators));
        let bytes: Buffer;
        try {
          bytes = imp.mutators[mutName]!(imp.valid, r);
        } catch {
          continue;
        } // a structural mutator that does not apply to this file
        const dryRun = r.next() < 0.2;
        const [method, args] = imp.args({ fileName: `hostile-${i}.${imp.ext}`, dataBase64: b64(bytes) });
        if (method !== 'siting.readCandidates') (args as { dryRun?: boolean }).dryRun = dryRun;
        const before = planState(db());
        const label = `#${i} ${imp.name} / ${mutName} (${bytes.length} bytes${dryRun ? ', dry run' : ''})`;
        counts.cases++;
        let refused = false;
        try {
          const res = (await svc.invoke(method, args)) as { ok?: boolean };
          refused = res.ok === false;
          tally[refused ? 'refused in the report' : 'accepted'] = (tally[refused ? 'refused in the report' : 'accepted'] ?? 0) + 1;
        } catch (e) {
          refused = true;
          const k = e instanceof ApiError ? e.code : 'not an ApiError';
          tally[k] = (tally[k] ?? 0) + 1;
          if (!(e instanceof ApiError) || !REFUSALS.has(e.code)) {
            failures.push(`${label}: ${e instanceof ApiError ? e.code : (e as Error)?.constructor?.name} ${String((e as Error)?.message ?? e).slice(0, 200)}`);
            continue;
          }
          if (!e.message || !e.messageEn) failures.push(`${label}: ${e.code} without a message`);
        }
        if (process.env.HEALTHPLAN_FUZZ_VERBOSE) console.log(label, refused ? 'refused' : 'accepted');
        if ((refused || dryRun || !imp.writes) && planState(db()).hash !== before.hash)
          failures.push(`${label}: ${refused ? 'refused' : 'dry run'} but the plan changed`);
      }
      counts.failures = failures.length;
      console.log(`importer outcomes: ${JSON.stringify(tally)}`);
      // The generator must reach both sides: files refused and files taken.
      const refusedCount = Object.entries(tally)
        .filter(([k]) => k !== 'accepted')
        .reduce((a, [, n]) => a + n, 0);
      expect(refusedCount).toBeGreaterThan(IMPORT_CASES / 10);
      expect(tally.accepted ?? 0).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    },
    LONG ? 600_000 : 60_000,
  );
});

describe(`bad plan files (${PLAN_CASES} cases)`, () => {
  const good = path.join(dir, 'good.hplan');
  const counts = { cases: 0, faults: 0, failures: 0 };
  const failures: string[] = [];

  beforeAll(async () => {
    const g = rng(SEED + 2);
    const svc = createPlannerService({ home: path.join(dir, 'home2'), door: 'direct' });
    await svc.call('plan.new', { path: good });
    await svc.call('tables.import', {
      scenarioId: 1,
      units: { fileName: 'u.csv', dataBase64: b64(Buffer.from(unitsCsv(4, 40, g))) },
      facilities: { fileName: 'f.csv', dataBase64: b64(Buffer.from(facilitiesCsv(4, 40, g))) },
    });
    svc.close();
  });

  afterAll(() => report('fuzz: plan files', { ...counts, notes: failures.slice(0, 50) } as never));

  /** Writes a bad plan (and maybe a -wal) into its own folder; returns its path. */
  function makeBad(kind: string, r: Rng, i: number): string {
    const d = path.join(dir, `bad-${i}`);
    fs.mkdirSync(d, { recursive: true });
    const f = path.join(d, 'bad.hplan');
    const bytes = fs.readFileSync(good);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    if (kind === 'truncated') fs.writeFileSync(f, bytes.subarray(0, r.int(bytes.length)));
    else if (kind === 'random bytes') fs.writeFileSync(f, randomBytes(1 + r.int(64 * 1024), r));
    else if (kind === 'random bytes after a SQLite header') fs.writeFileSync(f, Buffer.concat([bytes.subarray(0, 100), randomBytes(r.int(64 * 1024), r)]));
    else if (kind === 'a b-tree page overwritten') {
      const db = new Database(good, { readonly: true });
      const roots = (db.prepare('SELECT rootpage FROM sqlite_master WHERE rootpage > 1').all() as { rootpage: number }[]).map((x) => x.rootpage);
      db.close();
      const page = r.pick(roots);
      const c = Buffer.from(bytes);
      randomBytes(pageSize, r).copy(c, (page - 1) * pageSize);
      fs.writeFileSync(f, c);
    } else if (kind === 'newer user_version' || kind === 'newer user_version with a -wal' || kind === 'foreign SQLite with a -wal') {
      fs.copyFileSync(good, f);
      const db = new Database(f);
      if (kind === 'foreign SQLite with a -wal') {
        db.pragma('application_id = 0');
      }
      if (kind === 'newer user_version') db.pragma(`user_version = ${LATEST_VERSION + 1 + r.int(5)}`);
      if (kind !== 'newer user_version') {
        db.pragma('journal_mode = WAL');
        db.pragma('wal_autocheckpoint = 0');
        if (kind === 'newer user_version with a -wal') db.pragma(`user_version = ${LATEST_VERSION + 1 + r.int(5)}`);
        db.exec('CREATE TABLE IF NOT EXISTS later_version_thing (x); INSERT INTO later_version_thing VALUES (1)');
        // Leave the -wal as a crash would: copy the files while the connection still holds them.
        fs.copyFileSync(f, f + '.keep');
        fs.copyFileSync(f + '-wal', f + '.keep-wal');
        db.close();
        fs.rmSync(f + '-shm', { force: true });
        fs.renameSync(f + '.keep', f);
        fs.renameSync(f + '.keep-wal', f + '-wal');
      } else db.close();
    } else if (kind === 'a folder') fs.mkdirSync(f);
    return f;
  }

  it('plan.open refuses each with a message, and leaves the file and its -wal as they were', async () => {
    const r = rng(SEED + 3);
    const tally: Record<string, number> = {};
    const kinds = [
      'truncated',
      'random bytes',
      'random bytes after a SQLite header',
      'a b-tree page overwritten',
      'newer user_version',
      'newer user_version with a -wal',
      'foreign SQLite with a -wal',
      'a folder',
    ];
    for (let i = 0; i < PLAN_CASES; i++) {
      const kind = kinds[i % kinds.length]!;
      const f = makeBad(kind, r, i);
      const isDir = fs.statSync(f).isDirectory();
      const before = isDir ? '' : fileSha(f);
      const svc = createPlannerService({ home: path.join(dir, `home-bad-${i}`), door: 'direct' });
      counts.cases++;
      try {
        await svc.call('plan.open', { path: f });
        tally[`${kind}: opened`] = (tally[`${kind}: opened`] ?? 0) + 1;
        // A truncation past the last page SQLite needs, or a page of an empty table, can still open.
        if (!['truncated', 'a b-tree page overwritten'].includes(kind)) failures.push(`#${i} ${kind}: opened`);
      } catch (e) {
        const k = `${kind}: ${e instanceof ApiError ? e.code : 'not an ApiError'}`;
        tally[k] = (tally[k] ?? 0) + 1;
        if (!(e instanceof ApiError) || !PLAN_REFUSALS.has(e.code))
          failures.push(`#${i} ${kind}: ${e instanceof ApiError ? e.code : (e as Error)?.constructor?.name} ${String((e as Error)?.message).slice(0, 200)}`);
        else if (!e.message || !e.messageEn) failures.push(`#${i} ${kind}: ${e.code} without a message`);
        if (!isDir && fileSha(f) !== before) failures.push(`#${i} ${kind}: refused, but the file changed`);
      } finally {
        svc.close();
      }
    }
    counts.failures = failures.length;
    console.log(`plan-file outcomes: ${JSON.stringify(tally)}`);
    expect(failures).toEqual([]);
  });
});
