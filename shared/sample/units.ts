/**
 * The sample's administrative units: two cities, ten counties with their 2020 census population, every
 * street/town/township of those counties (real names and codes) and generated communities/villages.
 *
 * Codes are the official statistical codes padded to 12 digits: city 430100000000, county 430102000000,
 * street/town 430102001000; communities take 430102001001… and villages 430102101201…, following the
 * statistical convention that a 10th–12th digit group of 001–199 is a 居委会 and 200–399 a 村委会.
 */
import type { Unit, UnitKind } from '../model/index.ts';
import { allocate, discRadiusKm, offsetKm, roundTo, spread } from './alloc.ts';
import { leafNames, shortName } from './names.ts';
import { rngFor } from './prng.ts';
import type { SampleInput } from './types.ts';

/** The ten county-level units of the sample: Changsha's nine, and Yiyang's Ziyang district. */
export const SAMPLE_COUNTY_CODES = ['430102', '430103', '430104', '430105', '430111', '430112', '430121', '430181', '430182', '430902'] as const;
export const CITY_NAMES: Record<string, string> = { '4301': '长沙市', '4309': '益阳市' };
export const SAMPLE_YEAR = 2020;
/**
 * Annual population growth (%) set on each city and inherited by its units, so the sample projects
 * to a target year. Illustrative (data/SAMPLE.md): Changsha's about 1.5% matches its published
 * estimates since the census (about 10.5 million at the end of 2023); 资阳区's slight decline is assumed.
 */
const SAMPLE_GROWTH_RATE: Record<string, number> = { '4301': 1.5, '4309': -0.5 };

export interface TownshipCtx {
  code9: string;
  name: string;
  kind: 'street' | 'town' | 'township';
  /** 400+ in the 7th–9th digits: a development area, treated as an (urban) street. */
  special: boolean;
  unit: Unit;
  leaves: Unit[];
  radiusKm: number;
}
export interface CountyCtx {
  code6: string;
  name: string;
  cityCode4: string;
  cityName: string;
  unit: Unit;
  townships: TownshipCtx[];
  /**
   * The county seat: its first street by code (the county town in the official numbering of a rural
   * county; in a city district simply where the district's own institutions are put).
   */
  seat: TownshipCtx;
  radiusKm: number;
}
export interface CityCtx {
  code4: string;
  name: string;
  unit: Unit;
  counties: CountyCtx[];
}

const num = (v: string | number, what: string): number => {
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isFinite(n)) throw new Error(`sample data: ${what} is not a number: ${v}`);
  return n;
};
const pad12 = (code: string) => code.padEnd(12, '0');

function makeUnit(u: {
  code: string;
  name: string;
  parent: string | null;
  kind: UnitKind;
  urban: boolean;
  population: number;
  p03: number;
  p65: number;
  area: number;
  lon: number;
  lat: number;
}): Unit {
  return {
    code: u.code,
    name: u.name,
    parent_code: u.parent,
    kind: u.kind,
    urban: u.urban,
    population: u.population,
    population_0_3: u.p03,
    population_65_plus: u.p65,
    area_km2: roundTo(u.area, 2),
    lon: u.lon,
    lat: u.lat,
    year: SAMPLE_YEAR,
    growth_rate: null,
  };
}

export function townshipKind(code9: string): { kind: TownshipCtx['kind']; special: boolean } {
  const n = Number(code9.slice(6, 9));
  if (n < 100) return { kind: 'street', special: false };
  if (n < 200) return { kind: 'town', special: false };
  if (n < 400) return { kind: 'township', special: false };
  return { kind: 'street', special: true };
}

/** Communities (under a street) or villages (under a town/township) of one township. */
function buildLeaves(t: TownshipCtx): Unit[] {
  const rng = rngFor('leaves', t.code9);
  const village = t.kind !== 'street';
  const pop = t.unit.population!;
  const n = t.special ? rng.int(3, 4) : Math.min(12, Math.max(3, Math.round(pop / (village ? 2800 : 10000) + rng.uniform(-1.5, 1.5))));
  const names = leafNames(rng, n, village, shortName(t.name));
  const pops = allocate(
    pop,
    names.map(() => rng.uniform(0.6, 1.4)),
  );
  const areas = allocate(
    Math.round(t.unit.area_km2! * 100),
    names.map(() => rng.uniform(0.6, 1.4)),
  );
  const spots = spread(n, 0.1 * t.radiusKm, 0.85 * t.radiusKm, rng.float(), () => rng.float());
  return names.map((name, i) => {
    const p = pops[i]!;
    const at = offsetKm(t.unit.lon!, t.unit.lat!, spots[i]!.dx, spots[i]!.dy);
    return makeUnit({
      code: t.code9 + String((village ? 201 : 1) + i).padStart(3, '0'),
      name,
      parent: t.unit.code,
      kind: village ? 'village' : 'community',
      urban: !village,
      population: p,
      p03: Math.round(p * rng.uniform(0.027, 0.033)),
      p65: Math.round(p * (village ? rng.uniform(0.13, 0.16) : rng.uniform(0.11, 0.13))),
      area: areas[i]! / 100,
      lon: at.lon,
      lat: at.lat,
    });
  });
}

const sumOf = (units: readonly Unit[], key: 'population_0_3' | 'population_65_plus') => units.reduce((s, u) => s + (u[key] ?? 0), 0);

function buildCounty(code6: string, input: SampleInput, cityCode4: string, cityName: string): CountyCtx {
  const county = input.counties.find((c) => String(c.code) === code6);
  const census = input.census.find((c) => String(c.CODE) === code6);
  const centre = input.centres.find((c) => String(c.code) === code6);
  if (!county || !census || !centre) throw new Error(`sample data: county ${code6} missing from counties, census or centres`);
  const pop = num(census.POPU, `population of ${code6}`);
  const urbShare = num(census.POPU_URB, `urban share of ${code6}`);
  const area = num(centre.area_km2, `area of ${code6}`);
  const lon = num(centre.lon, `lon of ${code6}`);
  const lat = num(centre.lat, `lat of ${code6}`);
  const rng = rngFor('county', code6);

  const rows = input.townships
    .filter((t) => String(t.areaCode) === code6)
    .map((t) => ({ code9: String(t.code), name: t.name.trim(), ...townshipKind(String(t.code)) }))
    .sort((a, b) => a.code9.localeCompare(b.code9));
  if (rows.length === 0) throw new Error(`sample data: no townships for ${code6}`);
  const isStreet = (r: (typeof rows)[number]) => r.kind === 'street';
  const seatCode = (rows.find((r) => isStreet(r) && !r.special) ?? rows[0]!).code9;
  const nStreets = rows.filter(isStreet).length;
  const nTowns = rows.length - nStreets;
  const mixed = nStreets > 0 && nTowns > 0;
  // Share of the county's residents living in streets: the census urban share, less what town seats hold.
  const streetShare = nTowns === 0 ? 1 : nStreets === 0 ? 0 : urbShare * (nStreets >= nTowns ? 1 : 0.7);

  const w = rows.map((r) =>
    isStreet(r)
      ? rng.uniform(0.7, 1.3) * (r.code9 === seatCode && nTowns >= 3 ? 1.6 : 1) * (r.special ? 0.3 : 1)
      : rng.uniform(0.6, 1.4) * (r.kind === 'township' ? 0.6 : 1),
  );
  const groupW = (street: boolean) => rows.reduce((s, r, i) => s + (isStreet(r) === street ? w[i]! : 0), 0);
  const sw = groupW(true),
    tw = groupW(false);
  const ideal = rows.map((r, i) => (isStreet(r) ? (pop * streetShare * w[i]!) / sw : (pop * (1 - streetShare) * w[i]!) / tw));
  const pops = allocate(pop, ideal);
  const areas = allocate(
    Math.round(area * 100),
    rows.map((r) => rng.uniform(0.6, 1.4) * (isStreet(r) ? (r.special ? 0.7 : 1) : mixed ? 5 : 1)),
  );

  const R = discRadiusKm(area);
  const streetIdx = rows
    .map((r, i) => (isStreet(r) ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => Number(rows[b]!.code9 === seatCode) - Number(rows[a]!.code9 === seatCode) || a - b);
  const townIdx = rows.map((r, i) => (isStreet(r) ? -1 : i)).filter((i) => i >= 0);
  const spots = new Array<{ dx: number; dy: number }>(rows.length);
  spread(streetIdx.length, 0, (mixed ? 0.35 : 0.85) * R, rng.float(), () => rng.float()).forEach((s, k) => (spots[streetIdx[k]!] = s));
  spread(townIdx.length, 0.4 * R, 0.95 * R, rng.float(), () => rng.float()).forEach((s, k) => (spots[townIdx[k]!] = s));

  const countyCode = pad12(code6);
  const townships: TownshipCtx[] = rows.map((r, i) => {
    const at = offsetKm(lon, lat, spots[i]!.dx, spots[i]!.dy);
    const t: TownshipCtx = {
      ...r,
      unit: makeUnit({
        code: pad12(r.code9),
        name: r.name,
        parent: countyCode,
        kind: r.kind,
        urban: isStreet(r),
        population: pops[i]!,
        p03: 0,
        p65: 0,
        area: areas[i]! / 100,
        lon: at.lon,
        lat: at.lat,
      }),
      leaves: [],
      radiusKm: discRadiusKm(areas[i]! / 100),
    };
    t.leaves = buildLeaves(t);
    t.unit.population_0_3 = sumOf(t.leaves, 'population_0_3');
    t.unit.population_65_plus = sumOf(t.leaves, 'population_65_plus');
    return t;
  });
  const tUnits = townships.map((t) => t.unit);
  const unit = makeUnit({
    code: countyCode,
    name: county.name.trim(),
    parent: pad12(cityCode4),
    kind: 'county',
    urban: true,
    population: pop,
    p03: sumOf(tUnits, 'population_0_3'),
    p65: sumOf(tUnits, 'population_65_plus'),
    area,
    lon,
    lat,
  });
  return { code6, name: unit.name, cityCode4, cityName, unit, townships, seat: townships.find((t) => t.code9 === seatCode)!, radiusKm: R };
}

/**
 * All units. Both cities are top units (parent_code null); 益阳市 holds only 资阳区 here, so its
 * population and area are 资阳区's, not the whole city's.
 */
export function buildUnits(input: SampleInput): { cities: CityCtx[]; units: Unit[] } {
  const byCity = new Map<string, string[]>();
  for (const code6 of SAMPLE_COUNTY_CODES) {
    const row = input.counties.find((c) => String(c.code) === code6);
    const city = row ? String(row.cityCode) : code6.slice(0, 4);
    byCity.set(city, [...(byCity.get(city) ?? []), code6]);
  }
  const cities: CityCtx[] = [...byCity.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code4, codes]) => {
      const name = CITY_NAMES[code4];
      if (!name) throw new Error(`sample data: no name for city ${code4}`);
      const counties = codes.map((c) => buildCounty(c, input, code4, name));
      const cUnits = counties.map((c) => c.unit);
      const pop = cUnits.reduce((s, u) => s + u.population!, 0);
      const mean = (k: 'lon' | 'lat') => roundTo(cUnits.reduce((s, u) => s + u[k]! * u.population!, 0) / pop, 5);
      const unit = makeUnit({
        code: pad12(code4),
        name,
        parent: null,
        kind: 'city',
        urban: true,
        population: pop,
        p03: sumOf(cUnits, 'population_0_3'),
        p65: sumOf(cUnits, 'population_65_plus'),
        area: cUnits.reduce((s, u) => s + u.area_km2!, 0),
        lon: mean('lon'),
        lat: mean('lat'),
      });
      unit.growth_rate = SAMPLE_GROWTH_RATE[code4] ?? null;
      return { code4, name, unit, counties };
    });
  const units = cities.flatMap((c) => [c.unit, ...c.counties.flatMap((k) => [k.unit, ...k.townships.flatMap((t) => [t.unit, ...t.leaves])])]);
  units.sort((a, b) => a.code.localeCompare(b.code));
  return { cities, units };
}
