// Walking as a travel mode (issue 12): 长政办发〔2021〕62号 "完善“1530”就医服务圈" names no travel mode; a
// 15-minute circle is usually meant on foot in town. On foot: 4.8 km/h (80 m a minute) on every road
// but motorways and trunk roads, one-way streets both ways, connectors at walking speed; without roads
// straight line × 1.3 ÷ 4.8 km/h. Each demand point travels by the mode of its urban/rural flag.
import { describe, expect, it } from 'vitest';
import { buildRoadGraph, buildWalkGraph, type RoadGraph } from '../../../shared/access/graph.ts';
import { DEFAULT_ROAD_SPEEDS, WALK_KMH } from '../../../shared/access/network.ts';
import { nearestFacility } from '../../../shared/access/dijkstra.ts';
import { modesUsed, travelFallback, travelNote, type TravelModes } from '../../../shared/access/travel.ts';
import { ACCESS_PRESETS, targetSettings } from '../../../shared/access/presets.ts';
import { computeAccess, type ComputeInput } from '../../../electron/backend/access/compute.ts';
import { computeSiting } from '../../../electron/backend/siting/compute.ts';
import { lonOf, latOf, network, type Seg } from './helpers.ts';

const WALK: TravelModes = { urban: 'walk', rural: 'walk' };
const DRIVE: TravelModes = { urban: 'drive', rural: 'drive' };
const MIXED: TravelModes = { urban: 'walk', rural: 'drive' };

/** Edges "from>to:seconds" (0.1 s), sorted. */
function edges(g: RoadGraph): string[] {
  const c = g.forward,
    out: string[] = [];
  for (let u = 0; u < g.nodeCount; u++) for (let e = c.offsets[u]!; e < c.offsets[u + 1]!; e++) out.push(`${u}>${c.targets[e]}:${c.seconds[e]!.toFixed(1)}`);
  return out.sort();
}

// A (0,0) —1.2 km residential— B (1200,0) —2 km trunk— C (3200,0) —400 m residential— D (3600,0),
// and the long way round on residential streets: B → (1200,1000) → (3200,1000) → C, 4 km.
// Car speeds from the plan's table: residential 25 km/h, trunk 70 km/h.
const TOWN: Seg[] = [
  {
    pts: [
      [0, 0],
      [1200, 0],
    ],
    highway: 'residential',
  },
  {
    pts: [
      [1200, 0],
      [3200, 0],
    ],
    highway: 'trunk',
  },
  {
    pts: [
      [3200, 0],
      [3600, 0],
    ],
    highway: 'residential',
  },
  {
    pts: [
      [1200, 0],
      [1200, 1000],
      [3200, 1000],
      [3200, 0],
    ],
    highway: 'residential',
  },
];
const at = (...xy: [number, number][]) => ({ lon: Float64Array.from(xy, ([x]) => lonOf(x)), lat: Float64Array.from(xy, ([, y]) => latOf(y)) });
let keys = 0;
/** computeAccess on a network of its own (a fresh key: the worker's cache is per key). */
function access(
  segs: Seg[] | null,
  facilities: [number, number][],
  points: [number, number][],
  urban: number[],
  travel: TravelModes,
  more: Partial<ComputeInput> = {},
) {
  return computeAccess({
    network: segs && { key: `walk-test-${++keys}`, data: network(segs), speeds: { ...DEFAULT_ROAD_SPEEDS } },
    direction: 'to_facility',
    dispatchSeconds: 0,
    facilities: at(...facilities),
    facilityKey: facilities.map((_, i) => `F${i}`).join(','),
    demand: { ...at(...points), urban: Uint8Array.from(urban) },
    demandKey: points.join(';'),
    travel,
    ...more,
  });
}

describe('the walking graph', () => {
  it('walks every class but motorways and trunk roads, both ways, at 4.8 km/h whatever the car speed', () => {
    const net = network([
      {
        pts: [
          [0, 0],
          [1200, 0],
        ],
        highway: 'residential',
        kmh: 60,
      }, // its own car speed does not matter on foot
      {
        pts: [
          [1200, 0],
          [2400, 0],
        ],
        highway: 'trunk',
      },
      {
        pts: [
          [2400, 0],
          [3600, 0],
        ],
        highway: 'motorway_link',
      },
      {
        pts: [
          [0, 0],
          [0, 400],
        ],
        highway: 'primary',
        oneway: 1,
      }, // one way for cars, both ways on foot
    ]);
    // 1,200 m at 80 m a minute = 15 min = 900 s; 400 m = 5 min = 300 s.
    expect(WALK_KMH).toBe(4.8);
    expect(edges(buildWalkGraph(net))).toEqual(['0>1:900.0', '0>4:300.0', '1>0:900.0', '4>0:300.0']);
    // By car the trunk and the ramp are there and the one-way street goes one way.
    const car = edges(buildRoadGraph(net, DEFAULT_ROAD_SPEEDS));
    // 1 + 1 + 1 edges both ways, and the primary one way only: 400 m at 55 km/h = 26.2 s.
    expect(car).toHaveLength(7);
    expect(car).toContain('0>4:26.2');
    expect(car).not.toContain('4>0:26.2');
  });
});

describe('walking minutes by hand', () => {
  it('1.2 km of residential street on foot is 15 minutes; the trunk is not walked, so D takes the 4 km long way', () => {
    const walk = access(
      TOWN,
      [[0, 0]],
      [
        [1200, 0],
        [3600, 0],
      ],
      [1, 1],
      WALK,
    );
    expect(walk.model).toBe('road');
    expect(walk.minutes[0]).toBeCloseTo(15, 3);
    // 1,200 + 4,000 + 400 m = 5,600 m at 80 m/min = 70 min (not 1,200 + 2,000 + 400 over the trunk: 45 min).
    expect(walk.minutes[1]).toBeCloseTo(70, 3);
    // By car over the trunk: 1,200 m at 25 km/h (2.88 min) + 2,000 m at 70 (1.714) + 400 m at 25 (0.96) = 5.554 min.
    const car = access(
      TOWN,
      [[0, 0]],
      [
        [1200, 0],
        [3600, 0],
      ],
      [1, 1],
      DRIVE,
    );
    expect(car.minutes[0]).toBeCloseTo(2.88, 3);
    expect(car.minutes[1]).toBeCloseTo(2.88 + 2000 / (70000 / 60) + 0.96, 3);
  });

  it('a place reachable only over the trunk is unreachable on foot', () => {
    const onlyTrunk = TOWN.slice(0, 3); // no long way round
    const walk = access(onlyTrunk, [[0, 0]], [[3600, 0]], [1], WALK);
    expect(walk.minutes[0]).toBe(Infinity);
    expect(walk.facility[0]).toBe(-1);
    expect(access(onlyTrunk, [[0, 0]], [[3600, 0]], [1], DRIVE).minutes[0]).toBeCloseTo(5.554, 2);
  });

  it('ignores one-way streets on foot: against the arrow it is still 800 m = 10 min', () => {
    // A one-way street from A (0,0) to E (0,-800); the centre stands at A, the resident at E goes to it.
    const oneWay: Seg[] = [
      {
        pts: [
          [0, 0],
          [0, -800],
        ],
        highway: 'residential',
        oneway: 1,
      },
    ];
    expect(access(oneWay, [[0, 0]], [[0, -800]], [1], DRIVE).minutes[0]).toBe(Infinity); // no car may drive E → A
    expect(access(oneWay, [[0, 0]], [[0, -800]], [1], WALK).minutes[0]).toBeCloseTo(10, 3);
  });

  it('walks the connector from a place off the road at 4.8 km/h too: 80 m = 1 min (by car 15 km/h: 0.32 min)', () => {
    expect(access(TOWN, [[0, 0]], [[0, 80]], [1], WALK).minutes[0]).toBeCloseTo(1, 3);
    expect(access(TOWN, [[0, 0]], [[0, 80]], [1], DRIVE).minutes[0]).toBeCloseTo(0.32, 3);
  });

  it('mixed: the urban point walks, the rural one drives; the dispatch delay goes on the drive only', () => {
    const r = access(
      TOWN,
      [[0, 0]],
      [
        [1200, 0],
        [3600, 0],
      ],
      [1, 0],
      MIXED,
    );
    expect(r.minutes[0]).toBeCloseTo(15, 3);
    expect(r.minutes[1]).toBeCloseTo(5.554, 2);
    const dispatched = access(
      TOWN,
      [[0, 0]],
      [
        [1200, 0],
        [3600, 0],
      ],
      [1, 0],
      MIXED,
      { direction: 'from_facility', dispatchSeconds: 120 },
    );
    expect(dispatched.minutes[0]).toBeCloseTo(15, 3);
    expect(dispatched.minutes[1]).toBeCloseTo(7.554, 2);
    // The other way round: the urban point drives (2.88 min), the rural one walks (70 min).
    const flipped = access(
      TOWN,
      [[0, 0]],
      [
        [1200, 0],
        [3600, 0],
      ],
      [1, 0],
      { urban: 'drive', rural: 'walk' },
    );
    expect(flipped.minutes[0]).toBeCloseTo(2.88, 3);
    expect(flipped.minutes[1]).toBeCloseTo(70, 3);
    expect(modesUsed(MIXED, [1, 1])).toEqual(['walk']); // no rural point: no drive search
    expect(modesUsed(MIXED, [1, 0])).toEqual(['drive', 'walk']);
  });

  it('keeps the walking graph apart from the driving one, and moves a centre incrementally on it', () => {
    const segs = TOWN;
    const input = (travel: TravelModes, y: number): ComputeInput => ({
      network: { key: 'walk-test-shared', data: network(segs), speeds: { ...DEFAULT_ROAD_SPEEDS } },
      direction: 'to_facility',
      dispatchSeconds: 0,
      facilities: at([y ? 1200 : 0, y]),
      facilityKey: 'F',
      demand: { ...at([1200, 0]), urban: Uint8Array.of(1) },
      demandKey: 'B',
      travel,
    });
    expect(computeAccess(input(WALK, 0)).minutes[0]).toBeCloseTo(15, 3);
    expect(computeAccess(input(DRIVE, 0)).minutes[0]).toBeCloseTo(2.88, 3);
    const moved = computeAccess(input(WALK, 1000)); // moved to (1200, 1000), 1 km from B: 12.5 min on foot
    expect(moved.incremental).toBe(true);
    expect(moved.minutes[0]).toBeCloseTo(12.5, 3);
    expect(computeAccess(input(DRIVE, 0)).minutes[0]).toBeCloseTo(2.88, 3);
  });
});

describe('without roads', () => {
  it('walks the straight line × 1.3 at 4.8 km/h: 1 km = 16.25 min; drives × 1.6 at 45 km/h in the country: 2.13 min', () => {
    const r = access(
      null,
      [[0, 0]],
      [
        [1000, 0],
        [1000, 0],
      ],
      [1, 0],
      MIXED,
    );
    expect(r.model).toBe('straight_line');
    expect(r.minutes[0]).toBeCloseTo((1000 * 1.3) / 80, 3);
    expect(r.minutes[1]).toBeCloseTo((1000 * 1.6) / 750, 3);
    expect(travelFallback(DRIVE)).toEqual({ detour: 1.6, urbanKmh: 30, ruralKmh: 45 });
    const d = access(
      null,
      [[0, 0]],
      [
        [1000, 0],
        [1000, 0],
      ],
      [1, 0],
      MIXED,
      { dispatchSeconds: 60 },
    );
    expect(d.minutes[0]).toBeCloseTo(16.25, 3); // no dispatch on foot
    expect(d.minutes[1]).toBeCloseTo(1600 / 750 + 1, 3);
  });
});

describe('the note and the 1530 preset', () => {
  it('says the mode in the note', () => {
    expect(travelNote(MIXED, 'road', 0).zh).toBe('按路网计算，城镇步行（4.8 公里/小时，不走高速和快速路）、农村驾车；连接线 驾车 15、步行 4.8 公里/小时');
    expect(travelNote(MIXED, 'straight_line', 0).zh).toContain('城镇直线距离 × 1.3 ÷ 步行 4.8 公里/小时、农村直线距离 × 1.6 ÷ 车速 45 公里/小时');
    expect(travelNote(WALK, 'road', 3).zh).toContain('步行没有出车');
    expect(travelNote(DRIVE, 'straight_line', 0).zh).toBe('无路网：按直线距离 × 1.6 ÷ 车速（城镇 30、农村 45 公里/小时）估算');
  });

  it('1530 walks in town and drives in the country; 1030 and an access target without a mode drive', () => {
    expect(ACCESS_PRESETS['1530'].travel).toEqual(MIXED);
    expect(ACCESS_PRESETS['1030'].travel).toEqual(DRIVE);
    expect(targetSettings({ facilityTypes: ['chc'], urbanMinutes: 15, ruralMinutes: 30 }).travel).toEqual(DRIVE);
    expect(targetSettings({ facilityTypes: ['chc'], urbanMinutes: 15, ruralMinutes: 30, travel: MIXED }).travel).toEqual(MIXED);
  });
});

describe('siting on foot', () => {
  it('a candidate 1.2 km away by residential street covers an urban point within 15 min on foot, not within 14', async () => {
    const input = (minutes: number, travel: TravelModes) =>
      computeSiting({
        network: { key: 'walk-test-siting', data: network(TOWN), speeds: { ...DEFAULT_ROAD_SPEEDS } },
        direction: 'to_facility',
        dispatchSeconds: 0,
        demand: { ...at([0, 0], [3600, 0]), urban: Uint8Array.of(1, 0), population: Float64Array.of(1000, 500) },
        demandKey: 'A;D',
        thresholdSeconds: Float64Array.of(minutes * 60, 10 * 60),
        existing: { lon: new Float64Array(0), lat: new Float64Array(0) },
        existingKey: '',
        candidates: { ...at([1200, 0]), onNode: Uint8Array.of(0) },
        capacity: null,
        model: 'mclp',
        k: 1,
        cutoffSeconds: 3600,
        exact: 'never',
        timeLimitMs: 1000,
        travel,
      });
    // Mixed: A (urban) walks 15 min to B; D (rural) drives 2 km of trunk + 400 m: 2.674 min, within 10.
    const ok = await input(15, MIXED);
    expect(ok.result.coveredAfter).toBe(1500);
    expect(ok.afterSeconds[0]! / 60).toBeCloseTo(15, 2);
    expect(ok.afterSeconds[1]! / 60).toBeCloseTo(2000 / (70000 / 60) + 0.96, 2);
    expect((await input(14, MIXED)).result.coveredAfter).toBe(500);
    // All on foot, D is 4.4 km of streets from B (55 min): not within 10.
    expect((await input(15, WALK)).result.coveredAfter).toBe(1000);
  });
});

describe('a straight graph check', () => {
  it('nearestFacility on the walking graph gives the same 15 minutes as the analysis', () => {
    const g = buildWalkGraph(network(TOWN));
    const r = nearestFacility(g, 'to_facility', { node: Int32Array.of(0), startSeconds: Float64Array.of(0) });
    expect(r.seconds[1]).toBeCloseTo(900, 1);
  });
});
