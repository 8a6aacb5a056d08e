// 通行条件 (shared/access/conditions.ts): the peak hour's factors per road class, urban and rural apart,
// applied to the graph by hand-worked times; the segment's urban/rural class from the place nearest its
// middle; the worker cache's keys — free flow as before, the peak its own.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PEAK_FACTORS,
  type PeakFactors,
  peakFactorsKey,
  peakSegmentFactors,
  segmentUrban,
  UNKNOWN_CLASS_PEAK_FACTOR,
  urbanPlaces,
} from '../../../shared/access/conditions.ts';
import { buildRoadGraph } from '../../../shared/access/graph.ts';
import { cachedNetwork, forgetNetworks, graphKey, storeKeyOf } from '../../../electron/backend/worker/network-cache.ts';
import { latOf, lonOf, network } from './helpers.ts';

// Along the equator: an urban primary road 0–4 km (a community at 2 km), a rural primary road 20–24 km
// (a village at 22 km), a rural residential lane 24–25 km with its own speed, and a rural road of a class
// no table knows 25–26 km.
const net = network([
  {
    pts: [
      [0, 0],
      [4000, 0],
    ],
    highway: 'primary',
  },
  {
    pts: [
      [20000, 0],
      [24000, 0],
    ],
    highway: 'primary',
  },
  {
    pts: [
      [24000, 0],
      [25000, 0],
    ],
    highway: 'residential',
    kmh: 20,
  },
  {
    pts: [
      [25000, 0],
      [26000, 0],
    ],
    highway: '县道',
  },
]);
const places = {
  lon: Float64Array.from([lonOf(2000), lonOf(22000)]),
  lat: Float64Array.from([latOf(300), latOf(300)]),
  urban: Uint8Array.from([1, 0]),
};
const SPEEDS = { primary: 40, residential: 30 };
const FACTORS: PeakFactors = { urban: { primary: 0.5 }, rural: { primary: 0.8, residential: 0.9 } };

/** Seconds of the edge from node a to node b in the forward graph. */
function edgeSeconds(g: ReturnType<typeof buildRoadGraph>, a: number, b: number): number {
  for (let e = g.forward.offsets[a]!; e < g.forward.offsets[a + 1]!; e++) if (g.forward.targets[e] === b) return g.forward.seconds[e]!;
  return NaN;
}
const node = (g: ReturnType<typeof buildRoadGraph>, x: number) => {
  for (let n = 0; n < g.nodeCount; n++) if (Math.abs(g.lon[n]! - lonOf(x)) < 1e-9) return n;
  throw new Error(`no node at ${x}`);
};

describe('the peak hour on the graph', () => {
  const urban = segmentUrban(net, places);
  const free = buildRoadGraph(net, SPEEDS);
  const peak = buildRoadGraph(net, SPEEDS, peakSegmentFactors(net, FACTORS, urban));

  it('classes each segment by the place nearest its middle', () => {
    expect([...urban]).toEqual([1, 0, 0, 0]);
  });

  it('an urban primary segment at 40 km/h × 0.5 takes twice as long; a rural one its own factor', () => {
    // 4 km at 40 km/h: 360 s; at 20 km/h: 720 s.
    expect(edgeSeconds(free, node(free, 0), node(free, 4000))).toBeCloseTo(360, 1);
    expect(edgeSeconds(peak, node(peak, 0), node(peak, 4000))).toBeCloseTo(720, 1);
    // Rural primary × 0.8: 32 km/h, 450 s.
    expect(edgeSeconds(free, node(free, 20000), node(free, 24000))).toBeCloseTo(360, 1);
    expect(edgeSeconds(peak, node(peak, 20000), node(peak, 24000))).toBeCloseTo(450, 1);
  });

  it("a segment's own speed is slowed too, and a class in no table takes the unknown-class factor", () => {
    // 1 km of residential at its own 20 km/h: 180 s; × 0.9: 200 s.
    expect(edgeSeconds(peak, node(peak, 24000), node(peak, 25000))).toBeCloseTo(200, 1);
    // 县道 at the unknown-class 30 km/h: 120 s; rural × 0.9: 133.3 s.
    expect(UNKNOWN_CLASS_PEAK_FACTOR.rural).toBe(0.9);
    expect(edgeSeconds(peak, node(peak, 25000), node(peak, 26000))).toBeCloseTo(120 / 0.9, 1);
  });

  it('the same class takes the urban or the rural factor by where it runs', () => {
    const f = peakSegmentFactors(net, DEFAULT_PEAK_FACTORS, urban);
    expect(f[0]).toBeCloseTo(DEFAULT_PEAK_FACTORS.urban.primary!, 6);
    expect(f[1]).toBeCloseTo(DEFAULT_PEAK_FACTORS.rural.primary!, 6);
    // Every default is a factor in (0, 1], and the town is never slowed less than the country.
    for (const side of ['urban', 'rural'] as const) for (const v of Object.values(DEFAULT_PEAK_FACTORS[side])) expect(v > 0 && v <= 1).toBe(true);
    for (const [k, v] of Object.entries(DEFAULT_PEAK_FACTORS.urban)) expect(v).toBeLessThanOrEqual(DEFAULT_PEAK_FACTORS.rural[k]!);
  });

  it("the middle of a bent segment is its middle vertex, not its ends' midpoint", () => {
    // Ends near the village (22 km), middle vertex by the community (2 km): urban.
    const bent = network([
      {
        pts: [
          [21900, 0],
          [2000, 0],
          [22100, 0],
        ],
      },
    ]);
    expect([...segmentUrban(bent, places)]).toEqual([1]);
    // No place at all: rural.
    expect([...segmentUrban(bent, { lon: new Float64Array(0), lat: new Float64Array(0), urban: new Uint8Array(0) })]).toEqual([0]);
  });

  it('the places are the lowest units with coordinates: villages, or a town with none under it', () => {
    const units = [
      { lon: 0, lat: 0, urban: false }, // 0 county
      { lon: 1, lat: 0, urban: false }, // 1 town, with villages
      { lon: 1.1, lat: 0, urban: false }, // 2 village of 1
      { lon: 2, lat: 0, urban: true }, // 3 street, its communities without coordinates
      { lon: null, lat: null, urban: true }, // 4 community of 3
    ];
    const p = urbanPlaces(units, Int32Array.from([-1, 0, 1, 0, 3]));
    expect([...p.lon]).toEqual([1.1, 2]);
    expect([...p.urban]).toEqual([0, 1]);
  });
});

describe('the cache keys', () => {
  it('free flow keeps the key it always had; the peak is its own key; on foot the peak changes nothing', () => {
    expect(graphKey('net', 'drive')).toBe('net');
    expect(graphKey('net', 'walk')).toBe('net|walk');
    expect(graphKey('net', 'drive', 'p1')).toBe('net|peak:p1');
    expect(graphKey('net', 'walk', 'p1')).toBe('net|walk');
    expect(storeKeyOf('s', 'drive')).toBe('s|drive');
    expect(storeKeyOf('s', 'drive', 'p1')).toBe('s|peak:p1|drive');
    expect(storeKeyOf('s', 'walk', 'p1')).toBe('s|walk');
  });

  it('the factors key does not depend on the order of the classes, and differs with a factor', () => {
    const a = peakFactorsKey({ urban: { primary: 0.5, trunk: 0.6 }, rural: {} });
    expect(peakFactorsKey({ urban: { trunk: 0.6, primary: 0.5 }, rural: {} })).toBe(a);
    expect(peakFactorsKey({ urban: { trunk: 0.6, primary: 0.55 }, rural: {} })).not.toBe(a);
    expect(peakFactorsKey({ urban: {}, rural: { trunk: 0.6, primary: 0.5 } })).not.toBe(a);
  });

  it("the worker's free graph is today's graph; the peak graph is another, kept apart", () => {
    forgetNetworks();
    const input = { key: 'hand', data: net, speeds: SPEEDS };
    const free = cachedNetwork(input);
    expect(free.key).toBe('hand');
    expect(free.graph).toEqual(buildRoadGraph(net, SPEEDS));
    const peakInput = { ...input, peak: { factors: FACTORS, places, key: 'f1' } };
    const peak = cachedNetwork(peakInput);
    expect(peak.key).toBe('hand|peak:f1');
    expect(peak.graph).not.toBe(free.graph);
    expect(peak.graph.forward.seconds[0]! / free.graph.forward.seconds[0]!).toBeCloseTo(2, 5);
    // Both kept: asking again returns the same objects.
    expect(cachedNetwork(input)).toBe(free);
    expect(cachedNetwork(peakInput)).toBe(peak);
    // On foot the peak's walking graph is the free one.
    expect(cachedNetwork(peakInput, () => {}, 'walk').key).toBe('hand|walk');
    forgetNetworks();
  });
});
