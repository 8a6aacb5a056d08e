// planDemand: every unit's people in the demand — the lowest units at their centres, a grid over the
// streets/towns that have a boundary, and what a unit's own figure holds beyond its listed units at its
// centre (issue 12: "a county of 320,000 analysed as 119,500 … with no word said").
import { describe, expect, it } from 'vitest';
import { describeDemand, planDemand, PointKind, type PlanDemandUnit } from '../../../shared/access/demand.ts';
import type { Area } from '../../../shared/geo/polygon.ts';
import type { UnitKind } from '../../../shared/model/kinds.ts';
import { M_PER_DEG } from './helpers.ts';

const u = (kind: UnitKind, lon: number | null, lat: number | null, urban = true): PlanDemandUnit => ({ kind, lon, lat, urban });
const d = (m: number) => m / M_PER_DEG;
const square = (x0: number, w: number): Area => ({
  type: 'Polygon',
  coordinates: [
    [
      [d(x0), 0],
      [d(x0 + w), 0],
      [d(x0 + w), d(w)],
      [d(x0), d(w)],
      [d(x0), 0],
    ],
  ],
});
const total = (p: Float64Array) => p.reduce((s, v) => s + v, 0);

// 0 县 1,000 → 1 街道 600 (lists 2 社区 200) and 4 镇 300 (lists nothing).
const UNITS = [u('county', 0.5, 0.5), u('street', 0.1, 0.1), u('community', 0.1, 0.1), u('community', 0.2, 0.1), u('town', 0.9, 0.9, false)];
const PARENT = Int32Array.of(-1, 0, 1, 1, 0);
const OWN = Float64Array.of(1000, 600, 120, 80, 300);

describe('planDemand', () => {
  it("places the listed units at their centres and each unit's rest at its own", () => {
    const r = planDemand({ units: UNITS, parent: PARENT, own: OWN });
    const pts = Array.from(r.unit, (i, p) => [i, r.population[p], r.kind[p]]);
    expect(pts).toEqual(
      expect.arrayContaining([
        [2, 120, PointKind.Centre],
        [3, 80, PointKind.Centre],
        [1, 400, PointKind.Remainder],
        [4, 300, PointKind.Centre],
        [0, 100, PointKind.Remainder],
      ]),
    );
    expect(pts).toHaveLength(5);
    expect(total(r.population)).toBe(1000);
    expect(Array.from(r.total)).toEqual([1000, 600, 120, 80, 300]);
  });

  it("spreads a gridded street's whole 600 over its area; the rest of the county stays at the centre", () => {
    // The street: a 2 km square, 1 km cells → 4 cells of 150; its communities are not drawn apart.
    const areas = [null, square(0, 2000), null, null, null];
    const r = planDemand({ units: UNITS, parent: PARENT, own: OWN, grid: { areas, cellMetres: 1000 } });
    const cells = Array.from(r.kind).filter((k) => k === PointKind.Cell).length;
    expect(cells).toBe(4);
    expect(Array.from(r.population).filter((_, p) => r.kind[p] === PointKind.Cell)).toEqual([150, 150, 150, 150]);
    expect(total(r.population)).toBe(1000);
    expect(describeDemand(r, UNITS, { cellMetres: 1000 }).note).toBe(
      '需求点：4 个 1000 米网格点（1 个街道/乡镇按边界铺开）、1 个街道/乡镇中心；另 1 个区县本级人口超出所列街道/乡镇合计的 100 人置于其中心；共 1,000 人',
    );
  });

  it("within a street: its 600 only, its own rest included, the county's not", () => {
    const r = planDemand({ units: UNITS, parent: PARENT, own: OWN, within: new Set([1]) });
    expect(total(r.population)).toBe(600);
    expect(Array.from(r.unit).sort()).toEqual([1, 2, 3]);
  });

  it("takes the children's sum where they hold more than the parent says, and survives a parent loop", () => {
    const r = planDemand({ units: UNITS, parent: PARENT, own: Float64Array.of(500, 600, 120, 80, 300) });
    expect(total(r.population)).toBe(900);
    expect(Array.from(r.unit)).not.toContain(0); // no county remainder
    const loop = planDemand({
      units: [u('street', 0, 0), u('community', 1, 1)],
      parent: Int32Array.of(1, 0),
      own: Float64Array.of(10, 5),
      within: new Set([0]),
    });
    expect(total(loop.population)).toBe(10);
  });

  it("takes the unit's own figure where its units exceed it by rounding only (≤ 100 people), shared in whole persons", () => {
    // 县 1,000 over 街道 600 and 镇 402 (separately projected, 2 over): 600 × 1000/1002 = 598.8 → 599, 402 × 1000/1002 = 401.2 → 401.
    const units = [u('county', 0, 0), u('street', 0.1, 0), u('town', 0.2, 0, false)];
    const r = planDemand({ units, parent: Int32Array.of(-1, 0, 0), own: Float64Array.of(1000, 600, 402) });
    expect(Array.from(r.unit, (i, p) => [i, r.population[p]])).toEqual([
      [2, 401],
      [1, 599],
    ]);
    expect(r.trimmed).toEqual([0]);
    expect(describeDemand(r, units).note).toContain('1 个单位的下级合计略多于本级人口（不超过 0.5% 或 100 人），按本级人口按比例计；共 1,000 人');
  });

  it('says which people had no place at all', () => {
    const r = planDemand({ units: [u('street', null, null), u('community', null, null)], parent: Int32Array.of(-1, 0), own: Float64Array.of(NaN, 50) });
    expect(r.lon.length).toBe(0);
    expect(r.unplaced).toBe(50);
    expect(describeDemand(r, [u('street', null, null), u('community', null, null)]).note).toBe('需求点：无；共 0 人；另有 50 人（1 个单位）无坐标可置，未计入');
  });
});
