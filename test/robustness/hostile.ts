/**
 * Shared by the fault and fuzz suites: a seeded PRNG, the size of the run (HEALTHPLAN_FUZZ=long raises it),
 * generated valid input files, a plan's state as the app sees it, and the run's counts for `npm run fuzz`.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LONG = process.env.HEALTHPLAN_FUZZ === 'long';
/** Where `scripts/fuzz.mjs` collects each file's counts (none: not collected). */
const REPORT = process.env.HEALTHPLAN_FUZZ_REPORT;
export const SEED = Number(process.env.HEALTHPLAN_FUZZ_SEED ?? 20261206);

/** mulberry32: small, seeded, reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

export const APPLICATION_ID = 0x48504c4e; // 'HPLN'

/** Columns that hold the time something was done: a completed run and a repeat differ only there. */
const TIMESTAMP = /(^at$|_at$|_time$|timestamp$)/i;

/** A JSON value in plan_meta (the road summary) without its import time and random revision id. */
function withoutStamps(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), (k, v: unknown) => (k === 'revision' || /(At|_at)$/.test(k) ? undefined : v));
  } catch {
    return json;
  }
}

export interface PlanState {
  counts: Record<string, number>;
  hash: string;
}

/** Every table's rows, canonically ordered, timestamps left out: equal states are equal plans. */
export function planState(db: Database.Database): PlanState {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
  const h = crypto.createHash('sha256');
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => !TIMESTAMP.test(c));
    const rows = db
      .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`)
      .raw()
      .all() as unknown[][];
    counts[t] = rows.length;
    h.update(`\u0000${t}\u0000`);
    for (const r of rows) {
      if (t === 'plan_meta' && typeof r[0] === 'string' && TIMESTAMP.test(r[0])) continue;
      if (t === 'plan_meta' && typeof r[1] === 'string' && r[1].startsWith('{')) r[1] = withoutStamps(r[1]);
      h.update(
        JSON.stringify(r, (_k, v: unknown) =>
          Buffer.isBuffer(v) || (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer') ? Buffer.from(v as Buffer).toString('base64') : v,
        ),
      );
      h.update('\n');
    }
  }
  return { counts, hash: h.digest('hex') };
}

export interface FileCheck {
  exists: boolean;
  integrity?: string;
  applicationId?: number;
  state?: PlanState;
  error?: string;
}

/**
 * A plan file as the next start of the app finds it: copied with its -wal/-journal (so the evidence stays),
 * opened read-write (SQLite recovers the journal), then integrity, application id and state.
 */
export function checkPlanFile(file: string): FileCheck {
  if (!fs.existsSync(file)) return { exists: false };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-check-'));
  const copy = path.join(dir, 'p.hplan');
  try {
    fs.copyFileSync(file, copy);
    for (const x of ['-wal', '-journal']) if (fs.existsSync(file + x)) fs.copyFileSync(file + x, copy + x);
    const db = new Database(copy);
    try {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      return { exists: true, integrity, applicationId, state: integrity === 'ok' ? planState(db) : undefined };
    } finally {
      db.close();
    }
  } catch (e) {
    return { exists: true, error: (e as Error).message };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const sha = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');
/** The plan file and whatever journal lies beside it. */
export const fileSha = (file: string) =>
  sha(
    Buffer.concat(
      ['', '-wal', '-journal', '-shm'].map((x) => (fs.existsSync(file + x) ? Buffer.concat([Buffer.from(x), fs.readFileSync(file + x)]) : Buffer.alloc(0))),
    ),
  );

/** Adds this file's counts to the run's report (read by scripts/fuzz.mjs). */
export function report(suite: string, counts: { cases: number; faults: number; failures: number; notes?: string[] }): void {
  console.log(`${suite}: ${counts.cases} cases, ${counts.faults} faults injected, ${counts.failures} failures`);
  if (!REPORT) return;
  fs.appendFileSync(REPORT, JSON.stringify({ suite, ...counts }) + '\n');
}

// ---- generated valid inputs (長沙 area, so they sit with the sample's roads) ----

const COUNTY = '430199000000';
const code = (town: number, village = 0) => `430199${String(town).padStart(3, '0')}${String(village).padStart(3, '0')}`;

/** A new county with `towns` towns of `villages` villages each: units CSV (UTF-8). */
export function unitsCsv(towns: number, villages: number, r: Rng): string {
  const lines = ['区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份', `${COUNTY},测试县,,县,${towns * villages * 800},113.05,28.25,2024`];
  for (let t = 1; t <= towns; t++) {
    lines.push(`${code(t)},第${t}镇,${COUNTY},镇,${villages * 800},${(113 + t * 0.01).toFixed(4)},28.2000,2024`);
    for (let v = 1; v <= villages; v++) {
      lines.push(
        `${code(t, v)},第${t}镇${v}村,${code(t)},村,${400 + r.int(1200)},${(113 + t * 0.01 + v * 0.0005).toFixed(5)},${(28.2 + v * 0.0004).toFixed(5)},2024`,
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** One village clinic in each of the first `n` villages, and a THC per town. */
export function facilitiesCsv(towns: number, villages: number, r: Rng): string {
  const lines = ['机构编码,机构名称,机构类型,所在区划代码,实有床位,执业（助理）医师,注册护士,全科医生,经度,纬度'];
  for (let t = 1; t <= towns; t++) {
    lines.push(
      `T${t},第${t}镇卫生院,乡镇卫生院,${code(t)},${20 + r.int(60)},${5 + r.int(20)},${5 + r.int(30)},${1 + r.int(5)},${(113 + t * 0.01).toFixed(4)},28.2001`,
    );
    for (let v = 1; v <= villages; v++)
      lines.push(
        `V${t}-${v},第${t}镇${v}村卫生室,村卫生室,${code(t, v)},0,${r.int(3)},${r.int(2)},0,${(113 + t * 0.01 + v * 0.0005).toFixed(5)},${(28.2 + v * 0.0004 + 0.0001).toFixed(5)}`,
      );
  }
  return lines.join('\r\n') + '\r\n';
}

export function populationsCsv(towns: number, r: Rng): string {
  const lines = ['区划代码,年份,常住人口'];
  for (let t = 1; t <= towns; t++) for (const y of [2025, 2030]) lines.push(`${code(t)},${y},${10_000 + r.int(50_000)}`);
  return lines.join('\r\n') + '\r\n';
}

export function candidatesCsv(n: number, r: Rng): string {
  const lines = ['编号,名称,经度,纬度'];
  for (let i = 1; i <= n; i++) lines.push(`C${i},候选点${i},${r.between(112.9, 113.1).toFixed(5)},${r.between(28.1, 28.3).toFixed(5)}`);
  return lines.join('\r\n') + '\r\n';
}

const HIGHWAYS = ['primary', 'secondary', 'tertiary', 'residential', 'unclassified', 'trunk'];

/** A road grid of about `segments` LineStrings. */
export function roadsGeojson(segments: number, r: Rng): string {
  const side = Math.ceil(Math.sqrt(segments / 2));
  const features: unknown[] = [];
  const x0 = 112.95,
    y0 = 28.15,
    step = 0.003;
  for (let i = 0; i <= side && features.length < segments; i++) {
    for (let j = 0; j < side && features.length < segments; j++) {
      features.push({
        type: 'Feature',
        properties: { highway: r.pick(HIGHWAYS), name: `路${i}-${j}` },
        geometry: {
          type: 'LineString',
          coordinates: [
            [x0 + j * step, y0 + i * step],
            [x0 + (j + 1) * step, y0 + i * step],
          ],
        },
      });
      features.push({
        type: 'Feature',
        properties: { highway: r.pick(HIGHWAYS), oneway: r.pick(['yes', 'no']) },
        geometry: {
          type: 'LineString',
          coordinates: [
            [x0 + i * step, y0 + j * step],
            [x0 + i * step, y0 + (j + 1) * step],
          ],
        },
      });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A square boundary for each town of the generated county. */
export function boundariesGeojson(towns: number): string {
  const features = [];
  for (let t = 1; t <= towns; t++) {
    const x = 113 + t * 0.01,
      y = 28.2;
    features.push({
      type: 'Feature',
      properties: { 区划代码: code(t), name: `第${t}镇` },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.05],
            [x, y + 0.05],
            [x, y],
          ],
        ],
      },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
