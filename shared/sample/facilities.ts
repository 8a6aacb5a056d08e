/**
 * Which facilities stand where: per street a CHC, per town/township a THC (the largest towns' a central
 * THC), stations in some communities, a clinic in every village, and per county its hospitals, CDC, MCH
 * centre, 120 stations, elderly-care and childcare institutions. Figures come from profiles.ts.
 */
import { emptyFacility, type Facility, type FacilityType, type Unit } from '../model/index.ts';
import { offsetKm } from './alloc.ts';
import { childcareName, elderlyName, type NameBook, privateHospitalName, shortName } from './names.ts';
import { rngFor, type Rng } from './prng.ts';
import { rawFigures, staticFields, type Raw } from './profiles.ts';
import { REAL_HOSPITALS } from './real-hospitals.ts';
import type { CountyCtx, TownshipCtx } from './units.ts';

export interface Draft {
  f: Facility;
  raw: Raw;
  city: string;
}

/** 120 stations per county (Kaifu's five: see 开政办发〔2022〕26号, which targets 5–6). */
const EMS_STATIONS: Record<string, number> = {
  '430102': 3,
  '430103': 4,
  '430104': 5,
  '430105': 5,
  '430111': 4,
  '430112': 4,
  '430121': 5,
  '430181': 6,
  '430182': 6,
  '430902': 2,
};
/** Ziyang's two planned sub-centres (益资政办发〔2023〕20号) are central THCs today, not yet sub-centres. */
const ZIYANG_CENTRAL_THC = ['新桥河镇', '茈湖口镇'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (x: T) => number): T {
  const total = items.reduce((s, x) => s + weight(x), 0);
  let r = rng.float() * total;
  for (const x of items) {
    r -= weight(x);
    if (r < 0) return x;
  }
  return items[items.length - 1]!;
}

/** The county's facilities, before calibration. `weaker`: the rural district (lower standards). */
export function countyFacilities(c: CountyCtx, weaker: boolean, names: NameBook): Draft[] {
  const out: Draft[] = [];
  const rng = rngFor('county-facilities', c.code6);
  const add = (id: string, name: string, type: FacilityType, unit: Unit, radiusKm: number, bedsHint?: number): Draft => {
    const frng = rngFor('facility', id);
    const f = emptyFacility(id, name, type, unit.code);
    const r = radiusKm * Math.sqrt(frng.float());
    const a = frng.float() * 2 * Math.PI;
    const at = offsetKm(unit.lon!, unit.lat!, r * Math.cos(a), r * Math.sin(a));
    f.lon = at.lon;
    f.lat = at.lat;
    const raw = rawFigures(type, frng, bedsHint);
    staticFields(f, frng, weaker);
    const d = { f, raw, city: c.cityCode4 };
    out.push(d);
    return d;
  };
  const inTownship = (id: string, name: string, type: FacilityType, t: TownshipCtx, bedsHint?: number) =>
    add(id, name, type, t.unit, t.radiusKm * 0.5, bedsHint);
  const streets = c.townships.filter((t) => t.kind === 'street');
  const towns = c.townships.filter((t) => t.kind !== 'street');
  const pickPlace = (streetBias: number) => pickWeighted(rng, c.townships, (t) => t.unit.population! * (t.kind === 'street' ? streetBias : 1));
  const prefix = c.name.endsWith('区') ? c.cityName + c.name : c.name;
  const byCode = new Map(c.townships.map((t) => [t.code9, t]));

  // Large real hospitals (central Changsha), then the county's own institutions at the seat.
  REAL_HOSPITALS.filter((h) => h.street.startsWith(c.code6)).forEach((h, i) => {
    const t = byCode.get(h.street);
    if (!t) throw new Error(`sample: street ${h.street} of ${h.name} not found`);
    inTownship(`F${c.code6}-R${pad(i + 1)}`, names.take(h.name), h.type, t, h.beds).f.opened_year = h.opened;
  });
  const mainBeds = Math.min(1000, Math.max(400, c.unit.population! / 1500)) * rng.uniform(0.9, 1.1);
  inTownship(`F${c.code6}-PH`, names.take(`${prefix}人民医院`), 'secondary_hospital', c.seat, mainBeds);
  inTownship(`F${c.code6}-TCM`, names.take(`${prefix}中医医院`), 'tcm_hospital', c.seat);
  inTownship(`F${c.code6}-MCH`, names.take(`${prefix}妇幼保健院`), 'mch_centre', c.seat);
  inTownship(`F${c.code6}-CDC`, names.take(`${prefix}疾病预防控制中心`), 'cdc', c.seat);

  // Private (social) hospitals, mostly in the streets.
  const nSecondary = Math.max(1, Math.round(c.unit.population! / 250_000));
  for (let i = 1; i <= nSecondary; i++) {
    const t = pickPlace(3);
    inTownship(
      `F${c.code6}-SH${pad(i)}`,
      names.fresh(() => privateHospitalName(rng, shortName(t.name), false)),
      'secondary_hospital',
      t,
    );
  }
  const nPrimary = Math.round(c.unit.population! / 60_000);
  for (let i = 1; i <= nPrimary; i++) {
    const t = pickPlace(2);
    inTownship(
      `F${c.code6}-H${pad(i)}`,
      names.fresh(() => privateHospitalName(rng, shortName(t.name), true)),
      'primary_hospital',
      t,
    );
  }

  // Community hospitals: two in an urban district, one in a rural county, none yet in Ziyang.
  const nCommunityHospitals = weaker ? 0 : streets.length >= towns.length ? 2 : 1;
  const chStreets = rng.shuffle(streets.filter((t) => !t.special && t !== c.seat)).slice(0, nCommunityHospitals);
  for (const t of chStreets) inTownship(`F${t.code9}-CH`, names.take(`${prefix}${shortName(t.name)}社区医院`), 'community_hospital', t);

  // Primary care: one CHC per street, one THC per town/township; stations and village clinics.
  const central = new Set<TownshipCtx>(
    c.code6 === '430902'
      ? towns.filter((t) => ZIYANG_CENTRAL_THC.includes(t.name))
      : towns.length >= 3
        ? [...towns]
            .sort((a, b) => b.unit.population! - a.unit.population! || a.code9.localeCompare(b.code9))
            .slice(0, Math.max(1, Math.round(towns.length / 5)))
        : [],
  );
  for (const t of c.townships) {
    if (t.kind === 'street') inTownship(`F${t.code9}-CHC`, `${t.name}社区卫生服务中心`, 'chc', t);
    else if (central.has(t)) inTownship(`F${t.code9}-THC`, `${t.name}中心卫生院`, 'central_thc', t);
    else inTownship(`F${t.code9}-THC`, `${t.name}卫生院`, 'thc', t);
    for (const leaf of t.leaves) {
      const leafRadius = Math.sqrt(leaf.area_km2! / Math.PI) * 0.5;
      if (leaf.kind === 'village') add(`F${leaf.code}-VC`, `${t.name}${leaf.name}卫生室`, 'village_clinic', leaf, leafRadius);
      else if (rngFor('station', leaf.code).chance(weaker ? 0.25 : 0.35)) {
        add(`F${leaf.code}-CHS`, `${t.name}${leaf.name}卫生服务站`, 'chs_station', leaf, leafRadius);
      }
    }
  }

  // 120 stations: one at the seat, the rest spread over other streets/towns.
  const emsPlaces = [c.seat, ...rng.shuffle(c.townships.filter((t) => t !== c.seat))].slice(0, EMS_STATIONS[c.code6] ?? 2);
  emsPlaces.forEach((t, i) => inTownship(`F${c.code6}-EMS${pad(i + 1)}`, names.take(`${c.name}${shortName(t.name)}120急救站`), 'ems_station', t));

  // Elderly care and childcare.
  const nElderly = streets.length >= towns.length ? 3 : 4;
  const elderlyPlaces = new Set<TownshipCtx>();
  for (let i = 1; i <= nElderly; i++) {
    let t = c.seat;
    for (let k = 0; k < 20 && (k === 0 || elderlyPlaces.has(t)); k++) t = towns.length > 0 && i % 2 === 0 ? rng.pick(towns) : pickPlace(1);
    elderlyPlaces.add(t);
    inTownship(
      `F${c.code6}-EC${pad(i)}`,
      names.fresh(() => elderlyName(rng, shortName(t.name), t.kind !== 'street')),
      'elderly_care',
      t,
    );
  }
  const nChildcare = Math.max(2, Math.round(c.unit.population! / 50_000));
  for (let i = 1; i <= nChildcare; i++) {
    const t = pickPlace(3);
    inTownship(
      `F${c.code6}-CC${pad(i, 3)}`,
      names.fresh(() => childcareName(rng, shortName(t.name))),
      'childcare',
      t,
    );
  }
  return out;
}
