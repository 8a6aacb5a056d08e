// A province-sized plan for the map's bench (test/bench/map-province.ts): its own generator, smaller
// than test/bench/province.ts's network (the map draws the major roads of the whole province and the
// minor ones of a zoomed-in view, not 4 M nodes; the access engine's own bench is province.ts):
// - 10 cities × 10 counties (40 × 40 km squares) × 20 streets/towns (a 5 × 4 lattice of 8 × 10 km cells,
//   their edges wavy and shared) × 12–13 villages/communities = 25,000 demand points, over 400 × 400 km;
//   the first county of each city is urban (街道 and 社区), the rest rural (镇 and 行政村);
// - boundaries for the 2,000 streets/towns and the 100 counties (GeoJSON polygons, matched by code);
// - a road grid of 601 × 601 junctions (667 m apart, jittered: 361,201 nodes, 1.44 M directed edges) in
//   ways of 8 edges: trunk every 60th line, primary every 20th, secondary every 6th, else residential in the
//   urban counties and unclassified elsewhere;
// - 2,500 120 stations at villages (urban ones twice as likely).
// Written through the service (tables.import, roads.import, boundaries.import), deterministic (mulberry32).
import fs from 'node:fs';
import path from 'node:path';
import { createPlannerService } from '../../../electron/backend/service.ts';
import { mulberry32 } from '../../../shared/sample/prng.ts';

export const PROVINCE = { cities: 10, countiesPerCity: 10, townsPerCounty: 20, stations: 2500, roadSide: 601 } as const;

const LON0 = 110.0,
  LAT0 = 25.0;
const SPAN_M = 400_000;
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(((LAT0 + 1.8) * Math.PI) / 180);
const toLon = (x: number) => +(LON0 + x / M_PER_DEG_LON).toFixed(6);
const toLat = (y: number) => +(LAT0 + y / M_PER_DEG_LAT).toFixed(6);

/** Town lattice: 50 columns (8 km) × 40 rows (10 km); a county is 5 × 4 cells. */
const COLS = 50,
  ROWS = 40,
  CELL_W = SPAN_M / COLS,
  CELL_H = SPAN_M / ROWS;
/** Points along each lattice edge (its wavy course), shared by the two cells on either side. */
const EDGE_STEPS = 6;

/** A deterministic wobble in [-1, 1] for a lattice place (the same whoever asks). */
function wobble(a: number, b: number, c: number): number {
  let h = Math.imul(a + 1, 73856093) ^ Math.imul(b + 1, 19349663) ^ Math.imul(c + 1, 83492791);
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
  h ^= h >>> 15;
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}
/** A lattice corner, moved a little inside the province. */
function corner(i: number, j: number): [number, number] {
  const inner = (v: number, n: number) => v > 0 && v < n;
  const x = i * CELL_W + (inner(i, COLS) ? 0.15 * CELL_W * wobble(i, j, 1) : 0);
  const y = j * CELL_H + (inner(j, ROWS) ? 0.15 * CELL_H * wobble(i, j, 2) : 0);
  return [x, y];
}
/** The points from corner (i, j) to the next corner along a horizontal (h) or vertical edge, without its end. */
function edge(i: number, j: number, horizontal: boolean): [number, number][] {
  const a = corner(i, j),
    b = horizontal ? corner(i + 1, j) : corner(i, j + 1);
  const border = horizontal ? j === 0 || j === ROWS : i === 0 || i === COLS;
  const out: [number, number][] = [];
  for (let k = 0; k < EDGE_STEPS; k++) {
    const t = k / EDGE_STEPS;
    let x = a[0] + (b[0] - a[0]) * t,
      y = a[1] + (b[1] - a[1]) * t;
    if (k > 0 && !border) {
      const w = 0.06 * wobble(i, j, 10 + k + (horizontal ? 0 : 50));
      if (horizontal) y += w * CELL_H;
      else x += w * CELL_W;
    }
    out.push([x, y]);
  }
  return out;
}
/** The ring around lattice cells [i0, i1) × [j0, j1), counter-clockwise, closed, in lon/lat. */
function ring(i0: number, j0: number, i1: number, j1: number): number[][] {
  const pts: [number, number][] = [];
  const along = (i: number, j: number, horizontal: boolean, forward: boolean) => {
    const full = [...edge(i, j, horizontal), horizontal ? corner(i + 1, j) : corner(i, j + 1)];
    pts.push(...(forward ? full : full.reverse()).slice(0, -1));
  };
  for (let i = i0; i < i1; i++) along(i, j0, true, true); // south side, west → east
  for (let j = j0; j < j1; j++) along(i1, j, false, true); // east side, south → north
  for (let i = i1 - 1; i >= i0; i--) along(i, j1, true, false); // north side, east → west
  for (let j = j1 - 1; j >= j0; j--) along(i0, j, false, false); // west side, north → south
  const ll = pts.map(([x, y]) => [toLon(x), toLat(y)]);
  ll.push(ll[0]!);
  return ll;
}

export interface ProvincePlan {
  plan: string;
  villages: number;
  towns: number;
  counties: number;
  stations: number;
  roadNodes: number;
  roadWays: number;
}

/** Writes the plan (and its input files) into `dir`; reuses a plan already there. */
export async function provincePlan(dir: string): Promise<ProvincePlan> {
  fs.mkdirSync(dir, { recursive: true });
  const plan = path.join(dir, 'map-province.hplan');
  const side = PROVINCE.roadSide;
  const summary: ProvincePlan = {
    plan,
    villages: 0,
    towns: COLS * ROWS,
    counties: PROVINCE.cities * PROVINCE.countiesPerCity,
    stations: PROVINCE.stations,
    roadNodes: side * side,
    roadWays: 0,
  };
  const rand = mulberry32(20261207);
  const units = ['区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份'];
  const facilities = ['机构编码,机构名称,机构类型,所在区划代码,经度,纬度'];
  const shapes: object[] = [];
  const villages: { code: string; x: number; y: number; urban: boolean }[] = [];
  for (let c = 0; c < PROVINCE.cities; c++) {
    const city = `45${String(c + 1).padStart(2, '0')}00`;
    units.push(`${city},第${c + 1}市,,市,,,,2025`);
    for (let k = 0; k < PROVINCE.countiesPerCity; k++) {
      const county = `45${String(c + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`;
      const urban = k === 0;
      // counties on a 10 × 10 grid: city c's counties in a 2 × 5 block
      const ci = (c % 5) * 2 + (k % 2),
        cj = Math.floor(c / 5) * 5 + Math.floor(k / 2);
      const cName = `${c + 1}市${k + 1}${urban ? '区' : '县'}`;
      units.push(`${county},${cName},${city},${urban ? '区' : '县'},,,,2025`);
      shapes.push({
        type: 'Feature',
        properties: { code: county, name: cName },
        geometry: { type: 'Polygon', coordinates: [ring(ci * 5, cj * 4, ci * 5 + 5, cj * 4 + 4)] },
      });
      for (let t = 0; t < PROVINCE.townsPerCounty; t++) {
        const ti = ci * 5 + (t % 5),
          tj = cj * 4 + Math.floor(t / 5);
        const [x0, y0] = corner(ti, tj),
          [x1, y1] = corner(ti + 1, tj + 1);
        const tx = (x0 + x1) / 2,
          ty = (y0 + y1) / 2;
        const town = `${county}${String(t + 1).padStart(3, '0')}`;
        const tName = `${cName}${t + 1}${urban ? '街道' : '镇'}`;
        units.push(`${town},${tName},${county},${urban ? '街道' : '镇'},,${toLon(tx)},${toLat(ty)},2025`);
        shapes.push({ type: 'Feature', properties: { code: town, name: tName }, geometry: { type: 'Polygon', coordinates: [ring(ti, tj, ti + 1, tj + 1)] } });
        const count = 12 + (t % 2);
        for (let p = 0; p < count; p++) {
          const x = tx + (rand() - 0.5) * 0.6 * (x1 - x0),
            y = ty + (rand() - 0.5) * 0.6 * (y1 - y0);
          const code = `${town}${String(p + 1).padStart(3, '0')}`;
          const pop = urban ? 3000 + Math.floor(rand() * 9000) : 500 + Math.floor(rand() * 2500);
          units.push(`${code},${tName}${p + 1}${urban ? '社区' : '村'},${town},${urban ? '社区' : '行政村'},${pop},${toLon(x)},${toLat(y)},2025`);
          villages.push({ code, x, y, urban });
        }
      }
    }
  }
  summary.villages = villages.length;
  for (let s = 0; s < PROVINCE.stations; ) {
    const v = villages[Math.floor(rand() * villages.length)]!;
    if (!v.urban && rand() < 0.5) continue;
    facilities.push(`E${s},急救站${s + 1},120急救站,${v.code},${toLon(v.x + (rand() - 0.5) * 400)},${toLat(v.y + (rand() - 0.5) * 400)}`);
    s++;
  }

  // Roads: a jittered grid; lines of ways of 8 edges.
  const step = SPAN_M / (side - 1);
  const nx = new Float64Array(side * side),
    ny = new Float64Array(side * side);
  for (let j = 0; j < side; j++)
    for (let i = 0; i < side; i++) {
      nx[j * side + i] = Math.min(SPAN_M, Math.max(0, i * step + (rand() - 0.5) * 0.35 * step));
      ny[j * side + i] = Math.min(SPAN_M, Math.max(0, j * step + (rand() - 0.5) * 0.35 * step));
    }
  const urbanAt = (x: number, y: number) => {
    const ci = Math.floor(x / (SPAN_M / 10)),
      cj = Math.floor(y / (SPAN_M / 10));
    return ci % 2 === 0 && cj % 5 === 0; // k === 0: the first county of each city
  };
  const roads: string[] = [];
  const PER = 8;
  for (const vertical of [false, true])
    for (let k = 0; k < side; k++) {
      const cls = k % 60 === 0 ? 'trunk' : k % 20 === 0 ? 'primary' : k % 6 === 0 ? 'secondary' : '';
      for (let t0 = 0; t0 < side - 1; t0 += PER) {
        const t1 = Math.min(side - 1, t0 + PER);
        const coords: number[][] = [];
        for (let t = t0; t <= t1; t++) {
          const n = vertical ? t * side + k : k * side + t;
          coords.push([toLon(nx[n]!), toLat(ny[n]!)]);
        }
        const mid = vertical ? (t0 + t1) >> 1 : k;
        const midX = vertical ? nx[mid * side + k]! : nx[k * side + ((t0 + t1) >> 1)]!,
          midY = vertical ? ny[mid * side + k]! : ny[k * side + ((t0 + t1) >> 1)]!;
        const highway = cls || (urbanAt(midX, midY) ? 'residential' : 'unclassified');
        roads.push(JSON.stringify({ type: 'Feature', properties: { highway }, geometry: { type: 'LineString', coordinates: coords } }));
      }
    }
  summary.roadWays = roads.length;
  if (fs.existsSync(plan)) return summary;

  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return { fileName: name, dataBase64: Buffer.from(text).toString('base64') };
  };
  const svc = createPlannerService({ home: dir, door: 'direct' });
  try {
    await svc.call('plan.new', { path: plan });
    const r = await svc.call('tables.import', {
      scenarioId: 1,
      units: write('units.csv', `${units.join('\n')}\n`),
      facilities: write('facilities.csv', `${facilities.join('\n')}\n`),
    });
    if (!r.ok) throw new Error(`tables.import: ${JSON.stringify(r).slice(0, 2000)}`);
    await svc.call('roads.import', { file: write('roads.geojson', `{"type":"FeatureCollection","features":[\n${roads.join(',\n')}\n]}\n`) });
    const b = await svc.call('boundaries.import', {
      file: write('boundaries.geojson', JSON.stringify({ type: 'FeatureCollection', features: shapes })),
    });
    if (b.matched !== shapes.length) throw new Error(`boundaries.import matched ${b.matched} of ${shapes.length}`);
  } finally {
    svc.close();
  }
  return summary;
}
