import { describe, expect, it } from 'vitest';
import { accessGroups, type GroupCoverage, type GroupInput, largestRemainder, pickGroups } from '../../../shared/access/groups.ts';

// A city over two counties. County A: town A1 (600 people, 30 aged 0–3, 60 aged 65+) with village a
// (200; 10 and 40 of its own) and village b (300, no age figures), and 100 people of A1 not in a listed
// village (its remainder). County B (400, 80 aged 65+, no 0–3) with village c (400, none of its own).
// The city has no figure of its own: its totals are its counties' sums (1,000; 65+ 60 + 80 = 140).
const U = ['city', 'A', 'A1', 'a', 'b', 'B', 'c'];
const N = NaN;
const plan = {
  units: U.map((x) => ({ code: x, name: `U${x}` })),
  parent: Int32Array.from([-1, 0, 1, 2, 2, 0, 5]),
  county: Int32Array.from([-1, 1, 1, 1, 1, 5, 5]),
  total: Float64Array.from([N, N, 600, 200, 300, 400, 400]),
  ages: {
    age_0_3: Float64Array.from([N, N, 30, 10, N, N, N]),
    age_65_plus: Float64Array.from([N, N, 60, 40, N, 80, N]),
  },
};
// Points: a (urban, covered), b (rural, not), A1's remainder (urban, not), c (rural, covered), and 50
// people at the city's own centre (rural, not), in no county.
const points = {
  population: Float64Array.from([200, 300, 100, 400, 50]),
  urban: Uint8Array.from([1, 0, 1, 0, 0]),
  covered: Uint8Array.from([1, 0, 0, 1, 0]),
  unit: Int32Array.from([3, 4, 2, 6, 0]),
};
const input: GroupInput = { ...points, ...plan };
const by = (xs: readonly GroupCoverage[], g: string) => xs.find((x) => x.group === g)!;

describe('accessGroups: covered share by urban/rural and age band', () => {
  const r = accessGroups(input);

  it('splits the region into urban and rural by each point’s class, and they add up to the whole', () => {
    expect(by(r.region, 'all')).toEqual({ group: 'all', population: 1050, covered: 600, leftOut: 450, share: 600 / 1050 });
    expect(by(r.region, 'urban')).toEqual({ group: 'urban', population: 300, covered: 200, leftOut: 100, share: 2 / 3 });
    expect(by(r.region, 'rural')).toEqual({ group: 'rural', population: 750, covered: 400, leftOut: 350, share: 400 / 750 });
    expect(by(r.region, 'urban').population + by(r.region, 'rural').population).toBe(by(r.region, 'all').population);
    expect(by(r.region, 'urban').covered + by(r.region, 'rural').covered).toBe(by(r.region, 'all').covered);
  });

  it('apportions 0–3 by the village’s own figure, else its town’s share; none up the chain is left out and said', () => {
    // a: its own 10 (covered); b: 300 × 30/600 = 15; A1's remainder: 100 × 0.05 = 5; c and the city: no 0–3 anywhere above.
    expect(by(r.region, 'age_0_3')).toEqual({ group: 'age_0_3', population: 30, covered: 10, leftOut: 20, share: 1 / 3 });
    expect(r.ages.find((a) => a.band === 'age_0_3')).toEqual({ band: 'age_0_3', byOwn: 300, byAbove: 300, unknown: 450 });
    expect(r.note).toContain('450 人所在单位及其上级均无该年龄段人口');
  });

  it('apportions 65+ through the county’s share and the city’s summed figures', () => {
    // a 40 (own, covered), b 300 × 0.1 = 30, A1 100 × 0.1 = 10, c 400 × 80/400 = 80 (covered), city 50 × 140/1000 = 7.
    expect(by(r.region, 'age_65_plus')).toEqual({ group: 'age_65_plus', population: 167, covered: 120, leftOut: 47, share: 120 / 167 });
    expect(r.ages.find((a) => a.band === 'age_65_plus')).toEqual({ band: 'age_65_plus', byOwn: 350, byAbove: 700, unknown: 0 });
  });

  it('gives every county its groups; the counties add up to the region but for the people above them', () => {
    expect(r.counties.map((c) => c.code)).toEqual(['A', 'B']);
    const [a, b] = r.counties;
    expect(a!.groups).toEqual([
      { group: 'all', population: 600, covered: 200, leftOut: 400, share: 1 / 3 },
      { group: 'urban', population: 300, covered: 200, leftOut: 100, share: 2 / 3 },
      { group: 'rural', population: 300, covered: 0, leftOut: 300, share: 0 },
      { group: 'age_0_3', population: 30, covered: 10, leftOut: 20, share: 1 / 3 },
      { group: 'age_65_plus', population: 80, covered: 40, leftOut: 40, share: 0.5 },
    ]);
    expect(by(b!.groups, 'urban')).toEqual({ group: 'urban', population: 0, covered: 0, leftOut: 0, share: null });
    expect(by(b!.groups, 'age_65_plus')).toEqual({ group: 'age_65_plus', population: 80, covered: 80, leftOut: 0, share: 1 });
    const sum = (g: string) => r.counties.reduce((s, c) => s + by(c.groups, g).population, 0);
    expect(sum('all')).toBe(by(r.region, 'all').population - 50);
    expect(sum('age_65_plus')).toBe(by(r.region, 'age_65_plus').population - 7);
  });

  it('lists the worst-served groups by county, lowest share first, with the people left out', () => {
    expect(r.worst.map((w) => [w.name, w.group, w.share, w.leftOut])).toEqual([
      ['UA', 'rural', 0, 300],
      ['UA', 'age_0_3', 1 / 3, 20],
      ['UA', 'age_65_plus', 0.5, 40],
      ['UA', 'urban', 2 / 3, 100],
    ]);
    expect(accessGroups({ ...input, worst: 2 }).worst).toHaveLength(2);
  });

  it('a plan without age figures: urban and rural only, and it says so', () => {
    const g = accessGroups({ ...input, ages: undefined });
    expect(g.region.map((x) => x.group)).toEqual(['all', 'urban', 'rural']);
    expect(g.ages).toEqual([]);
    expect(g.noteEn).toContain('no population aged 0–3 or 65+');
  });

  it('one county: the worst are the region’s groups', () => {
    const one = accessGroups({ ...input, county: Int32Array.from([-1, 1, 1, 1, 1, 1, 1]) });
    expect(one.counties).toHaveLength(1);
    expect(one.worst[0]).toMatchObject({ scope: 'region', group: 'age_0_3', share: 1 / 3 });
  });

  it('the counties’ whole persons of an age band add up to the region’s (largest remainder, not each rounded alone)', () => {
    // Three counties of 300 people and 100.5 aged 0–3 each (their own figures), each with one village of 100 and none of its own:
    // every village holds 100 × 0.335 = 33.5. The region 100.5 → 101; each county rounded alone would be 34, 102 in all.
    const t = accessGroups({
      population: Float64Array.from([100, 100, 100]),
      urban: Uint8Array.from([0, 0, 0]),
      covered: Uint8Array.from([1, 0, 0]),
      unit: Int32Array.from([4, 5, 6]),
      units: ['P', 'C1', 'C2', 'C3', 'v1', 'v2', 'v3'].map((code) => ({ code, name: code })),
      parent: Int32Array.from([-1, 0, 0, 0, 1, 2, 3]),
      county: Int32Array.from([-1, 1, 2, 3, 1, 2, 3]),
      total: Float64Array.from([NaN, 300, 300, 300, NaN, NaN, NaN]),
      ages: { age_0_3: Float64Array.from([NaN, 100.5, 100.5, 100.5, NaN, NaN, NaN]) },
    });
    expect(by(t.region, 'age_0_3')).toMatchObject({ population: 101, covered: 34, leftOut: 67 });
    const counties = t.counties.map((c) => by(c.groups, 'age_0_3'));
    // Covered 33.5 / 0 / 0 → 34, 0, 0; left out 0 / 33.5 / 33.5 → 0, 34, 33 (the tie to the first).
    expect(counties.map((x) => [x.population, x.covered, x.leftOut])).toEqual([
      [34, 34, 0],
      [34, 0, 34],
      [33, 0, 33],
    ]);
    expect(counties.reduce((a, x) => a + x.population, 0)).toBe(101);
  });

  it('largest remainder: floors, then one more to the largest remainders (or one less from the smallest)', () => {
    expect(largestRemainder([33.5, 33.5, 33.5], 101)).toEqual([34, 34, 33]);
    expect(largestRemainder([0.2, 0.7, 0.1], 1)).toEqual([0, 1, 0]);
    expect(largestRemainder([2, 3], 5)).toEqual([2, 3]);
    expect(largestRemainder([1.1, 1.2], 1)).toEqual([0, 1]); // below the floors' sum: one less from the smallest remainder
    expect(largestRemainder([], 0)).toEqual([]);
  });

  it('random plans: urban + rural = all and covered likewise, everywhere, and counties sum to the region', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20; k++) {
      const counties = 2 + Math.floor(rnd() * 4);
      const villages = 50;
      const n = 1 + counties + villages;
      const parent = new Int32Array(n),
        county = new Int32Array(n);
      parent[0] = -1;
      county[0] = -1;
      for (let c = 1; c <= counties; c++) {
        parent[c] = 0;
        county[c] = c;
      }
      for (let v = counties + 1; v < n; v++) county[v] = parent[v] = 1 + Math.floor(rnd() * counties);
      const total = Float64Array.from({ length: n }, (_, i) => (i > counties ? Math.round(rnd() * 1000) : NaN));
      const old = Float64Array.from(total, (t) => (rnd() < 0.7 ? Math.round(t * 0.15) : NaN));
      const pts = n - counties - 1;
      const g = accessGroups({
        population: Float64Array.from({ length: pts }, (_, p) => total[counties + 1 + p]!),
        urban: Uint8Array.from({ length: pts }, () => (rnd() < 0.5 ? 1 : 0)),
        covered: Uint8Array.from({ length: pts }, () => (rnd() < 0.6 ? 1 : 0)),
        unit: Int32Array.from({ length: pts }, (_, p) => counties + 1 + p),
        units: Array.from({ length: n }, (_, i) => ({ code: String(i), name: String(i) })),
        parent,
        county,
        total,
        ages: { age_65_plus: old },
      });
      for (const area of [g.region, ...g.counties.map((c) => c.groups)]) {
        expect(by(area, 'urban').population + by(area, 'rural').population).toBeCloseTo(by(area, 'all').population, 6);
        expect(by(area, 'urban').covered + by(area, 'rural').covered).toBeCloseTo(by(area, 'all').covered, 6);
        for (const x of area) expect(x.covered + x.leftOut).toBe(x.population);
      }
      for (const key of ['all', 'urban', 'rural'])
        expect(g.counties.reduce((s, c) => s + by(c.groups, key).population, 0)).toBeCloseTo(by(g.region, key).population, 6);
      expect(by(g.region, 'all').population).toBe(total.reduce((s, t) => s + (t >= 0 ? t : 0), 0));
    }
  });
});

describe('pickGroups (healthplan access --by)', () => {
  const g = accessGroups(input);
  it('keeps everyone and the splits asked for, and ranks the worst among them', () => {
    const urban = pickGroups(g, ['urban']);
    expect(urban.region.map((x) => x.group)).toEqual(['all', 'urban', 'rural']);
    expect(urban.counties[0]!.groups.map((x) => x.group)).toEqual(['all', 'urban', 'rural']);
    expect(urban.worst.map((w) => [w.name, w.group])).toEqual([
      ['UA', 'rural'],
      ['UA', 'urban'],
    ]);
    expect(urban.ages).toEqual([]);
    const age = pickGroups(g, ['age']);
    expect(age.region.map((x) => x.group)).toEqual(['all', 'age_0_3', 'age_65_plus']);
    expect(age.worst.map((w) => w.group)).toEqual(['age_0_3', 'age_65_plus']);
    expect(pickGroups(g, ['urban', 'age']).region).toEqual(g.region);
  });
});
