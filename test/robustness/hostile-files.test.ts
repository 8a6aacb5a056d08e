// Issue 13, items 5, 7, 8: files that used to blank a figure silently, take the process down (out of
// memory, so in Electron the whole app), or end in a stack overflow shown as an internal error. Each is
// refused with a message a planner can act on, through the service as every door calls it; the plan
// is unchanged after (a digest of every table), and the process is alive and stayed within bounds.
// The hostile files are generated here, not checked in.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (x: string | Uint8Array) => Buffer.from(x).toString('base64');
const file = (fileName: string, data: string | Uint8Array) => ({ fileName, dataBase64: b64(data) });
const db = () => svc.workspace.requirePlan().db;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the import to be refused');
    },
    (e: { code: string; message: string; messageEn: string; details?: unknown }) => e,
  );

/** Every table of the plan, row by row: equal digests, unchanged plan. */
function planDigest(): string {
  const h = createHash('sha256');
  const tables = db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    h.update(t);
    const rows = (db().prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
    );
    for (const row of rows.sort()) h.update(row);
  }
  return h.digest('hex');
}

/**
 * The process's resident memory, sampled every 2 ms by a worker thread, which keeps sampling while
 * the import holds the main thread (process.resourceUsage's maxRSS is the whole life's peak, set by
 * whatever ran before).
 */
const sampler = new Worker(
  `
  const { parentPort } = require('node:worker_threads');
  let peak = process.memoryUsage.rss();
  setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; }, 2);
  parentPort.on('message', (m) => { if (m === 'reset') peak = process.memoryUsage.rss(); parentPort.postMessage(peak); });
`,
  { eval: true },
);
const ask = (m: 'reset' | 'peak') =>
  new Promise<number>((resolve) => {
    sampler.once('message', resolve);
    sampler.postMessage(m);
  });

/** Time and peak memory growth of one call: a regression to allocating the declared size shows as hundreds of MB. */
async function bounded<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; mb: number }> {
  const rss0 = await ask('reset');
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5)); // one more sample
  const mb = Math.max(0, (await ask('peak')) - rss0) / 2 ** 20;
  if (process.env.HOSTILE_LOG) console.log('bounded', Math.round(ms), 'ms', Math.round(mb), 'MB');
  return { result, ms, mb };
}

const UNITS_CSV = '区划代码,名称,类型,上级区划代码,常住人口\n430105000000,开福区,区,,820790\n430105001000,东风路街道,街道,430105000000,61000\n';
const ROADS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'primary' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [112.98, 28.2],
          [112.99, 28.2],
          [112.995, 28.205],
        ],
      },
    },
  ],
});
const populations = () =>
  db().prepare('SELECT code, population FROM unit WHERE scenario_id = 1 ORDER BY code').all() as { code: string; population: number | null }[];

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'hostile' });
  expect((await svc.call('table.import', { table: 'units', scenarioId: 1, file: file('units.csv', UNITS_CSV) })).ok).toBe(true);
  expect((await svc.call('roads.import', { file: file('roads.geojson', ROADS) })).ok).toBe(true);
});
afterAll(async () => {
  svc.close();
  await sampler.terminate();
});

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['区划代码', '名称', '类型', '上级区划代码', '常住人口']);
  fill(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('.xlsx: a formula saved without its value (item 5)', () => {
  it('is refused naming its row and column and the fix, not imported as an empty population', async () => {
    // As openpyxl / pandas write a formula: no cached <v>. Read as empty, 东风路街道's 常住人口 became NULL.
    const bytes = await xlsx((ws) => {
      ws.addRow(['430105000000', '开福区', '区', '', 820790]);
      ws.addRow(['430105001000', '东风路街道', '街道', '430105000000', { formula: 'E2*0.075' }]);
    });
    const before = planDigest();
    const e = await failure(svc.call('table.import', { table: 'units', scenarioId: 1, file: file('脚本生成.xlsx', bytes) }));
    expect(e.code).toBe('FILE_ERROR');
    expect(e.message).toBe('「脚本生成.xlsx」第 3 行「常住人口」是公式且没有计算结果（脚本生成的文件常见）：请在 Excel/WPS 中打开并保存后再导入');
    expect(e.messageEn).toContain('Row 3, column 常住人口 holds a formula without a computed value');
    expect(e.details).toMatchObject({ problems: [{ row: 3, column: '常住人口' }], problemsTruncated: 0 });
    expect(planDigest()).toBe(before);
    expect(populations()).toEqual([
      { code: '430105000000', population: 820790 },
      { code: '430105001000', population: 61000 },
    ]);
  });

  it('a shared formula without a value is refused too, and every such cell is counted', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['430105000000', '开福区', '区', '', { formula: '800000+20790' }]);
      ws.addRow(['430105001000', '东风路街道', '街道', '430105000000', { sharedFormula: 'E2' }]);
    });
    const e = await failure(svc.call('table.import', { table: 'units', scenarioId: 1, file: file('shared.xlsx', bytes) }));
    expect(e.message).toContain('第 2 行「常住人口」是公式且没有计算结果');
    expect(e.message).toContain('（共 2 个这样的单元格）');
    expect(e.details).toMatchObject({ problems: [{ row: 2 }, { row: 3 }] });
  });

  it('a formula with its cached result keeps using the result; one whose result is "" (=IF(…,"",…) as Excel saves it) reads as empty', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['430105000000', '开福区', '区', '', { formula: '800000+20790+1', result: 820791 }]);
      // Excel writes t="str" and an empty <v>: a value (the empty string), not a missing one.
      ws.addRow(['430105001000', '东风路街道', '街道', { formula: 'IF(1,"430105000000","")', result: '430105000000' }, { formula: 'IF(0,1,"")', result: '' }]);
    });
    const r = await svc.call('table.import', { table: 'units', scenarioId: 1, file: file('excel.xlsx', bytes) });
    expect(r).toMatchObject({ ok: true, changed: 2 });
    // An empty cell on import keeps nothing: 常住人口 read as empty is empty (as a typed empty cell would be).
    expect(populations()).toEqual([
      { code: '430105000000', population: 820791 },
      { code: '430105001000', population: null },
    ]);
    // Back to the figures the other cases compare with.
    expect((await svc.call('table.import', { table: 'units', scenarioId: 1, file: file('units.csv', UNITS_CSV) })).ok).toBe(true);
  });
});

describe('.xlsx: a used range far beyond any import table (item 7)', () => {
  it('a value in column XFD on 3000 rows is refused in under 2 s and 200 MB, reading only the cells that exist', async () => {
    // Before: every row became an array of 16384 cells: 3000 × 16384 = 49 million strings (~0.5 GB, seconds).
    const bytes = await xlsx((ws) => {
      for (let i = 0; i < 3000; i++) {
        const row = ws.getRow(i + 2);
        row.values = [`43010500${String(i).padStart(4, '0')}`, `单位${i}`, '社区', '430105001000', 1000];
        row.getCell(16384).value = 'x';
      }
    });
    const before = planDigest();
    const { result: e, ms, mb } = await bounded(() => failure(svc.call('table.import', { table: 'units', scenarioId: 1, file: file('宽表.xlsx', bytes) })));
    expect(e.code).toBe('FILE_ERROR');
    expect(e.message).toBe(
      '「宽表.xlsx」工作表「单位」第 2 行的 XFD 列有内容，超出了 1000 列：导入表不会有这么多列，请删除右侧多余的列（或只把数据复制到新工作表）后再导入',
    );
    expect(ms).toBeLessThan(2000);
    expect(mb).toBeLessThan(200);
    expect(planDigest()).toBe(before);
  });

  it('a value just inside 1000 columns is read; an empty styled cell beyond it does not refuse the sheet', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['430105000000', '开福区', '区', '', 820790]);
      ws.getCell('ALL2').value = '备注'; // column 1000
      ws.getCell('XFD2').numFmt = '0.00'; // formatted, empty
    });
    const r = await svc.call('table.import', { table: 'units', scenarioId: 1, file: file('ok.xlsx', bytes), dryRun: true });
    expect(r).toMatchObject({ ok: true, rows: 1, unchanged: 1 });
  });
});

// ── .osm.pbf: a protobuf written by hand ─────────────────────────────────────────────────────────
const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const bytesField = (field: number, b: Uint8Array): number[] => [...varint(field * 8 + 2), ...varint(b.length), ...b];
const intField = (field: number, v: number): number[] => [...varint(field * 8), ...varint(v)];
/** One file block: a 4-byte big-endian length, a BlobHeader {type, datasize}, then the Blob. */
function pbfBlock(type: string, blob: number[], datasize = blob.length): number[] {
  const header = [...bytesField(1, Buffer.from(type)), ...intField(3, datasize)];
  return [(header.length >>> 24) & 255, (header.length >>> 16) & 255, (header.length >>> 8) & 255, header.length & 255, ...header, ...blob];
}
/** The OSMHeader block every extract starts with (its content is not read). */
const OSM_HEADER = pbfBlock('OSMHeader', bytesField(1, Buffer.from([0x0a, 0x00])));
const MiB = 2 ** 20;
/** 256 MiB of zeros in 250 KB of zlib (RLE is fast to write and as small). */
const bomb = zlib.deflateSync(Buffer.alloc(256 * MiB), { strategy: zlib.constants.Z_RLE });

describe(".osm.pbf: blobs beyond the format's limits (item 7)", () => {
  const refused = async (name: string, bytes: number[]) => {
    const before = planDigest();
    const { result: e, ms, mb } = await bounded(() => failure(svc.call('roads.import', { file: file(name, Uint8Array.from(bytes)) })));
    expect(e.code).toBe('FILE_ERROR');
    expect(ms).toBeLessThan(2000);
    expect(mb).toBeLessThan(200);
    expect(planDigest()).toBe(before);
    return e;
  };

  it('a Blob declaring raw_size 256 MiB is refused before anything is inflated', async () => {
    expect(bomb.length).toBeLessThan(300_000);
    // Before: inflated to 256 MiB in one Buffer (and a larger bomb took the process down).
    const e = await refused('bomb.osm.pbf', [...OSM_HEADER, ...pbfBlock('OSMData', [...intField(2, 256 * MiB), ...bytesField(3, bomb)])]);
    expect(e.message).toBe(
      '「bomb.osm.pbf」不是有效的 .osm.pbf 文件：第 2 块声明解压后为 256 MB，超过了 .osm.pbf 格式规定的 32 MB 上限（文件已损坏或不是正常工具写出的）：请重新下载，或用 osmium cat 重新写出后再导入',
    );
  });

  it('a Blob that understates its raw_size is stopped at 32 MiB of output', async () => {
    const e = await refused('liar.osm.pbf', [...OSM_HEADER, ...pbfBlock('OSMData', [...intField(2, 1000), ...bytesField(3, bomb)])]);
    expect(e.message).toContain('第 2 块解压后超过 32 MB，超过了 .osm.pbf 格式规定的 32 MB 上限');
  });

  /**
   * A PrimitiveBlock of n dense nodes (ids 1, 2, 3 …, all at 0°, 0°): 3 bytes a node, and zlib makes
   * almost nothing of it. Deflated as a stream of 1 MiB chunks, so writing it does not itself raise the
   * process's peak memory, which the checks measure.
   */
  const denseBlock = async (n: number) => {
    const head = (field: number, length: number) => Buffer.from([...varint(field * 8 + 2), ...varint(length)]);
    const fieldSize = (field: number, length: number) => head(field, length).length + length;
    const denseSize = 3 * fieldSize(1, n); // id (1), lat (8), lon (9): one byte a node each
    const groupSize = fieldSize(2, denseSize);
    const z = zlib.createDeflate({ strategy: zlib.constants.Z_RLE });
    const out: Buffer[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    const done = new Promise((resolve) => z.on('end', resolve));
    const chunk = (byte: number) => Buffer.alloc(2 ** 20, byte);
    const run = async (byte: number) => {
      const c = chunk(byte);
      for (let left = n; left > 0; left -= c.length) if (!z.write(left >= c.length ? c : c.subarray(0, left))) await new Promise((r) => z.once('drain', r));
    };
    z.write(Buffer.concat([head(1, 2), head(1, 0), head(2, groupSize), head(2, denseSize)])); // stringtable { "" }, primitivegroup { dense {
    z.write(head(1, n));
    await run(2); // id: zigzag +1 each
    z.write(head(8, n));
    await run(0); // lat
    z.write(head(9, n));
    await run(0); // lon
    z.end();
    await done;
    const rawSize = fieldSize(1, 2) + fieldSize(2, groupSize);
    return pbfBlock('OSMData', [...intField(2, rawSize), ...bytesField(3, Buffer.concat(out))]);
  };

  it("a 30 KB block of ten million dense nodes, within the format's 32 MiB, is refused before it is decoded", async () => {
    // Before: decoded into ten million node objects: 1.4 GB and 24 s for one block, and a few such blocks ended the process.
    const bytes = [...OSM_HEADER, ...(await denseBlock(10_000_000))];
    expect(bytes.length).toBeLessThan(40_000);
    const e = await refused('dense.osm.pbf', bytes);
    expect(e.message).toBe(
      '「dense.osm.pbf」不是正常的 .osm.pbf 文件：第 2 块含有 10000000 个要素、0 个引用（正常的文件每块约 8000 个要素），读取会耗尽内存：请重新下载，或用 osmium cat 重新写出后再导入',
    );
  });

  it('blocks each within bounds but out of all proportion to the file together are refused', async () => {
    // 80,000 nodes a block (ten times what osmium writes) in 300 bytes: within a block's bound, but
    // the file holds far more than 4 entities a byte (real extracts: about 0.2).
    const block = await denseBlock(80_000);
    const bytes = [...OSM_HEADER, ...block, ...block, ...block, ...block];
    expect(bytes.length).toBeLessThan(2_000);
    const e = await refused('many.osm.pbf', bytes);
    expect(e.message).toContain('前 3 块的数据量与 2 KB 的文件大小极不相称');
  });

  it('a BlobHeader declaring a 1 GiB Blob is refused by its declared size', async () => {
    const e = await refused('huge.osm.pbf', [...OSM_HEADER, ...pbfBlock('OSMData', intField(2, 10), 1024 * MiB)]);
    expect(e.message).toContain('第 2 块声明的大小为 1024 MB，超过了 .osm.pbf 格式规定的 32 MB 上限');
  });
});

// ── GeoJSON nested deeper than any geometry ───────────────────────────────────────────────────────
/** A position wrapped in `depth` more arrays: [[[…[112.9, 28.2]…]]]. JSON.parse reads it; walking it recursively overflows. */
const deepJson = (depth: number) => '['.repeat(depth) + '[112.9,28.2]' + ']'.repeat(depth);
const collection = (features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
const DEEP = 200_000;

describe('GeoJSON nested deeper than GeoJSON nests (item 8)', () => {
  it('roads: a feature with coordinates 200 000 arrays deep is listed by its number and skipped; nothing is imported', async () => {
    const before = planDigest();
    const r = await svc.call('roads.import', {
      file: file(
        'deep.geojson',
        collection([`{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":${deepJson(DEEP)}}}`]),
      ),
    });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({
      feature: 1,
      message: '第 1 个要素的坐标嵌套超过 4 层数组，不是有效的 GeoJSON 几何（MultiPolygon 也只有 4 层）：已跳过，请在 GIS 软件中重新导出该要素',
      messageEn: expect.stringContaining('Feature 1: its coordinates nest more than 4 arrays deep'),
    });
    expect(planDigest()).toBe(before);
  });

  it('roads: deep nesting in a property or a geometry type is quoted short, the good feature read', async () => {
    const r = await svc.call('roads.import', {
      dryRun: true,
      file: file(
        'deep-props.geojson',
        collection([
          `{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[112.98,28.2],[112.99,28.2]]}}`,
          `{"type":"Feature","properties":{"maxspeed":${deepJson(DEEP)}},"geometry":{"type":"LineString","coordinates":[[112.98,28.2],[112.99,28.2]]}}`,
          `{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":${deepJson(DEEP)},"coordinates":[]}}`,
        ]),
      ),
    });
    expect(r).toMatchObject({ ok: true, segments: 1, skipped: 2 });
    expect(r.problems.map((p) => p.feature)).toEqual([2, 3]);
    expect(r.problems[0]!.message).toContain('[…]');
    expect(r.problems[1]!.message).toContain('[…]');
  });

  it('boundaries: a MultiPolygon 200 000 arrays deep is listed by its number; nothing is written', async () => {
    const before = planDigest();
    const r = await svc.call('boundaries.import', {
      file: file(
        'deep-boundary.geojson',
        collection([`{"type":"Feature","properties":{"code":"430105"},"geometry":{"type":"MultiPolygon","coordinates":${deepJson(DEEP)}}}`]),
      ),
    });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ feature: 1, message: expect.stringContaining('第 1 个要素的坐标嵌套超过 4 层数组') }));
    expect(planDigest()).toBe(before);
  });
});
