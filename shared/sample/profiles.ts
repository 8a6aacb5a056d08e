/**
 * Typical make-up of each facility type. `rawFigures` gives relative sizes (floats) that calibration
 * turns into whole numbers; `staticFields` sets what calibration does not touch (year opened,
 * ambulances, TCM hall…); `derivedFields` fills what follows from the calibrated figures.
 */
import type { Facility, FacilityType, ServiceStandard } from '../model/index.ts';
import { roundTo } from './alloc.ts';
import type { Rng } from './prng.ts';

/** Relative sizes before calibration; null = the field does not apply (stays null). */
export interface Raw {
  beds: number | null;
  physicians: number | null;
  nurses: number | null;
  pharmacists: number | null;
  tcm: number | null;
  gps: number | null;
  phPhys: number | null;
  phStaff: number | null;
  /** Weight of the health technicians beyond physicians, nurses and pharmacists (labs, imaging…). */
  otherTech: number | null;
  places: number | null;
}

const NONE: Raw = {
  beds: null,
  physicians: null,
  nurses: null,
  pharmacists: null,
  tcm: null,
  gps: null,
  phPhys: null,
  phStaff: null,
  otherTech: null,
  places: null,
};

export function rawFigures(type: FacilityType, rng: Rng, bedsHint?: number): Raw {
  const u = (a: number, b: number) => rng.uniform(a, b);
  const hospital = (b: number, physPerBed: [number, number], tcmShare: [number, number], gps: number, phStaff: number): Raw => {
    const p = b * u(...physPerBed);
    return {
      beds: b,
      physicians: p,
      nurses: b * u(0.5, 0.68),
      pharmacists: b * u(0.04, 0.055),
      tcm: p * u(...tcmShare),
      gps,
      phPhys: u(0.5, 4),
      phStaff,
      otherTech: b * u(0.1, 0.15),
      places: null,
    };
  };
  switch (type) {
    case 'tertiary_hospital':
      return hospital(bedsHint ?? u(900, 1800), [0.38, 0.45], [0.08, 0.14], u(15, 30), u(10, 25));
    case 'secondary_hospital':
      return hospital(bedsHint ?? u(250, 450), [0.33, 0.4], [0.1, 0.15], bedsHint ? u(10, 20) : u(2, 5), u(4, 12));
    case 'primary_hospital':
      return hospital(u(40, 120), [0.3, 0.4], [0.1, 0.2], u(1, 3), u(0, 3));
    case 'tcm_hospital':
      return hospital(bedsHint ?? u(250, 450), [0.38, 0.45], [0.55, 0.7], u(3, 8), u(3, 8));
    case 'mch_centre': {
      const b = bedsHint ?? u(80, 200);
      const p = b * u(0.45, 0.6) + u(10, 25);
      const n = b * u(0.6, 0.75) + u(10, 20);
      return {
        beds: b,
        physicians: p,
        nurses: n,
        pharmacists: b * u(0.04, 0.06) + u(1, 3),
        tcm: p * u(0.03, 0.08),
        gps: u(0, 3),
        phPhys: u(2, 6),
        phStaff: (p + n) * u(0.9, 1.1),
        otherTech: b * u(0.1, 0.15) + u(5, 10),
        places: null,
      };
    }
    case 'cdc': {
      const p = u(25, 60);
      return {
        beds: 0,
        physicians: p,
        nurses: u(5, 15),
        pharmacists: u(0, 3),
        tcm: u(0, 1),
        gps: 0,
        phPhys: p * u(0.6, 0.8),
        phStaff: u(70, 150),
        otherTech: u(20, 50),
        places: null,
      };
    }
    case 'sub_centre':
    case 'central_thc': {
      const p = u(18, 35);
      return {
        beds: u(60, 130),
        physicians: p,
        nurses: p * u(0.9, 1.2),
        pharmacists: u(3, 6),
        tcm: p * u(0.2, 0.33),
        gps: u(5, 11),
        phPhys: u(1, 3.5),
        phStaff: u(4, 10),
        otherTech: u(4, 10),
        places: null,
      };
    }
    case 'thc': {
      const p = u(7, 18);
      return {
        beds: u(20, 60),
        physicians: p,
        nurses: p * u(0.8, 1.1),
        pharmacists: u(1, 4),
        tcm: p * u(0.18, 0.33),
        gps: u(3, 7),
        phPhys: u(0.3, 3),
        phStaff: u(3, 7),
        otherTech: u(2, 6),
        places: null,
      };
    }
    case 'community_hospital': {
      const p = u(20, 40);
      return {
        beds: u(30, 90),
        physicians: p,
        nurses: p * u(1, 1.3),
        pharmacists: u(3, 6),
        tcm: p * u(0.25, 0.35),
        gps: u(6, 12),
        phPhys: u(1, 4),
        phStaff: u(6, 14),
        otherTech: u(4, 10),
        places: null,
      };
    }
    case 'chc': {
      const p = u(10, 28);
      return {
        beds: rng.chance(0.5) ? u(5, 40) : 0,
        physicians: p,
        nurses: p * u(0.9, 1.3),
        pharmacists: u(2, 5),
        tcm: p * u(0.2, 0.35),
        gps: u(5, 12),
        phPhys: u(0.5, 3.5),
        phStaff: u(4, 10),
        otherTech: u(3, 8),
        places: null,
      };
    }
    case 'chc_branch':
    case 'chs_station': {
      const p = u(2, 4.5);
      return {
        beds: 0,
        physicians: p,
        nurses: u(1.5, 4),
        pharmacists: u(0, 1.2),
        tcm: p * u(0.1, 0.35),
        gps: u(1, 2.5),
        phPhys: 0,
        phStaff: u(0, 1),
        otherTech: u(0, 1),
        places: null,
      };
    }
    case 'village_clinic':
      return {
        beds: 0,
        physicians: u(0.3, 2.2),
        nurses: u(0, 1.2),
        pharmacists: 0,
        tcm: u(0, 0.7),
        gps: u(0, 0.3),
        phPhys: 0,
        phStaff: 0,
        otherTech: 0,
        places: null,
      };
    case 'ems_station':
      return {
        beds: 0,
        physicians: u(2, 5),
        nurses: u(2, 5),
        pharmacists: 0,
        tcm: 0,
        gps: 0,
        phPhys: 0,
        phStaff: u(6, 12),
        otherTech: u(0, 1),
        places: null,
      };
    case 'elderly_care':
      return { ...NONE };
    case 'childcare':
      return { ...NONE, places: u(40, 160) };
  }
}

const PRIMARY_CARE: readonly FacilityType[] = ['chc', 'thc', 'central_thc', 'sub_centre', 'community_hospital'];
const HOSPITALS: readonly FacilityType[] = ['tertiary_hospital', 'secondary_hospital', 'primary_hospital', 'tcm_hospital', 'mch_centre'];

const OPENED: Record<FacilityType, [number, number]> = {
  tertiary_hospital: [1950, 1995],
  secondary_hospital: [1952, 2012],
  primary_hospital: [1995, 2019],
  tcm_hospital: [1956, 1990],
  mch_centre: [1952, 1985],
  cdc: [1953, 1985],
  sub_centre: [1955, 1985],
  community_hospital: [2000, 2015],
  chc: [2000, 2016],
  chc_branch: [2008, 2018],
  chs_station: [2005, 2019],
  central_thc: [1952, 1975],
  thc: [1955, 1985],
  village_clinic: [2000, 2019],
  ems_station: [2008, 2020],
  elderly_care: [1995, 2020],
  childcare: [2016, 2020],
};

/** Fields calibration does not touch. `weaker` lowers the primary-care standards (the rural district). */
export function staticFields(f: Facility, rng: Rng, weaker: boolean): void {
  const t = f.type;
  const [y0, y1] = OPENED[t];
  f.opened_year = rng.int(y0, y1);
  const amb: Partial<Record<FacilityType, [number, number]>> = {
    tertiary_hospital: [3, 6],
    secondary_hospital: [1, 3],
    primary_hospital: [0, 0],
    tcm_hospital: [1, 2],
    mch_centre: [0, 1],
    central_thc: [1, 2],
    sub_centre: [1, 3],
    thc: [0, 1],
    community_hospital: [0, 1],
    chc: [0, 0],
    ems_station: [1, 2],
    cdc: [0, 0],
  };
  const a = amb[t];
  f.ambulances = a ? rng.int(a[0], a[1]) : null;
  if (HOSPITALS.includes(t)) f.fever_clinic = t === 'primary_hospital' ? rng.chance(0.2) : t === 'mch_centre' ? rng.chance(0.7) : true;
  if (PRIMARY_CARE.includes(t)) {
    const central = t === 'central_thc' || t === 'sub_centre' || t === 'community_hospital';
    f.tcm_hall = central || rng.chance(weaker ? 0.8 : 0.93);
    f.fever_clinic = rng.chance(central ? 0.85 : 0.4);
    f.elderly_rehab_room = rng.chance(t === 'chc' ? 0.6 : central ? 0.75 : 0.45);
    const x = rng.float();
    const rec = (central ? 0.5 : 0.22) * (weaker ? 0.4 : 1);
    const none = weaker ? 0.25 : 0.04;
    f.service_standard = (x < rec ? 'recommended' : x < rec + none ? 'none' : 'basic') satisfies ServiceStandard;
  }
  if (t === 'chs_station' || t === 'village_clinic' || t === 'chc_branch') f.tcm_pavilion = rng.chance(weaker ? 0.05 : 0.1);
}

/** Fields that follow from the calibrated figures. */
export function derivedFields(f: Facility, raw: Raw, rng: Rng): void {
  const t = f.type;
  const u = (a: number, b: number) => rng.uniform(a, b);
  const beds = f.beds_open;
  f.beds_approved = beds === null ? null : beds === 0 ? 0 : Math.round(beds * u(0.85, 1.05));
  const occ: Partial<Record<FacilityType, [number, number]>> = {
    tertiary_hospital: [0.88, 0.99],
    secondary_hospital: [0.75, 0.92],
    primary_hospital: [0.5, 0.75],
    tcm_hospital: [0.75, 0.9],
    mch_centre: [0.55, 0.8],
    community_hospital: [0.6, 0.85],
    central_thc: [0.55, 0.8],
    sub_centre: [0.6, 0.85],
    thc: [0.35, 0.7],
    chc: [0.3, 0.65],
  };
  const o = occ[t];
  f.bed_occupancy_rate = beds && o ? roundTo(u(o[0], o[1]), 3) : null;
  if (raw.phPhys !== null && f.physicians !== null) f.public_health_physicians = Math.min(Math.round(raw.phPhys), f.physicians);
  const techs = f.health_technicians;
  if (techs !== null) {
    const bach: Partial<Record<FacilityType, [number, number]>> = {
      tertiary_hospital: [0.75, 0.9],
      secondary_hospital: [0.55, 0.7],
      primary_hospital: [0.3, 0.5],
      tcm_hospital: [0.6, 0.8],
      mch_centre: [0.6, 0.75],
      cdc: [0.6, 0.8],
      community_hospital: [0.45, 0.62],
      chc: [0.4, 0.65],
      central_thc: [0.3, 0.5],
      sub_centre: [0.35, 0.55],
      thc: [0.2, 0.45],
      chs_station: [0.3, 0.5],
      chc_branch: [0.3, 0.5],
      village_clinic: [0, 0.1],
      ems_station: [0.4, 0.6],
    };
    const [b0, b1] = bach[t] ?? [0.3, 0.5];
    f.bachelor_or_above = Math.round(techs * u(b0, b1));
    f.senior_or_intermediate_titles = Math.round(techs * (t === 'village_clinic' ? u(0, 0.2) : u(0.25, 0.45)));
  }
  const area = (): number => {
    switch (t) {
      case 'tertiary_hospital':
        return (beds ?? 0) * u(95, 130);
      case 'secondary_hospital':
      case 'tcm_hospital':
        return (beds ?? 0) * u(80, 110) + 1000;
      case 'primary_hospital':
        return (beds ?? 0) * u(50, 80) + 300;
      case 'mch_centre':
        return (beds ?? 0) * u(80, 110) + 2000;
      case 'cdc':
        return u(3000, 9000);
      case 'community_hospital':
        return (beds ?? 0) * 40 + u(1200, 3200);
      case 'chc':
        return u(1000, 3500);
      case 'central_thc':
      case 'sub_centre':
        return u(3000, 7000);
      case 'thc':
        return u(1200, 3500);
      case 'chs_station':
      case 'chc_branch':
        return u(150, 450);
      case 'village_clinic':
        return u(60, 160);
      case 'ems_station':
        return u(200, 600);
      case 'elderly_care':
        return u(1500, 9000);
      case 'childcare':
        return (f.childcare_places ?? 0) * u(6, 10) + u(100, 300);
    }
  };
  f.floor_area_m2 = Math.round(area() / 10) * 10;
}
