/**
 * Calibration: scale a region's generated figures so that its totals land exactly on
 * round(rate × population), then share each total out in proportion to the generated sizes
 * (largest remainder; TCM physicians and GPs capped at each facility's physicians).
 */
import type { Facility } from '../model/index.ts';
import { allocate } from './alloc.ts';
import type { Draft } from './facilities.ts';
import type { Raw } from './profiles.ts';

/** Rates per 1,000 residents. */
export interface Rates {
  beds_open: number;
  physicians: number;
  tcm_physicians: number;
  nurses: number;
  pharmacists: number;
  gps: number;
  public_health_staff: number;
  health_technicians: number;
  childcare_places: number;
}

/**
 * Changsha's 2020 baseline, 长政办发〔2021〕62号 (长沙市"十四五"卫生健康事业发展规划), indicator table
 * rows 9–15 and §一(一) (8.76 health technicians per 1,000). GPs: 2.7 per 10,000 = 0.27 per 1,000.
 */
export const CHANGSHA_2020: Rates = {
  beds_open: 8.28,
  physicians: 3.26,
  tcm_physicians: 0.61,
  nurses: 4.25,
  pharmacists: 0.39,
  gps: 0.27,
  public_health_staff: 0.76,
  health_technicians: 8.76,
  childcare_places: 1.6,
};
export const CHANGSHA_2020_SOURCE = '长政办发〔2021〕62号';

/** Ziyang: illustrative rural ratios, lower than Changsha's. Not from any document. */
export const ZIYANG_ILLUSTRATIVE: Rates = {
  beds_open: 6.4,
  physicians: 2.5,
  tcm_physicians: 0.45,
  nurses: 2.9,
  pharmacists: 0.28,
  gps: 0.22,
  public_health_staff: 0.6,
  health_technicians: 6.2,
  childcare_places: 1.0,
};

/** The total a rate (per 1,000) asks of a population. */
export const targetTotal = (ratePer1000: number, population: number): number => Math.round((ratePer1000 * population) / 1000);

type IntField = 'beds_open' | 'physicians' | 'nurses' | 'pharmacists' | 'tcm_physicians' | 'gps' | 'public_health_staff' | 'childcare_places';

function share(drafts: readonly Draft[], field: IntField, rawKey: keyof Raw, total: number, cap?: (f: Facility) => number): void {
  const ds = drafts.filter((d) => d.raw[rawKey] !== null);
  const values = allocate(
    total,
    ds.map((d) => d.raw[rawKey]!),
    cap ? ds.map((d) => cap(d.f)) : undefined,
  );
  ds.forEach((d, i) => (d.f[field] = values[i]!));
}

export function calibrate(drafts: readonly Draft[], population: number, rates: Rates): void {
  const T = (k: keyof Rates) => targetTotal(rates[k], population);
  share(drafts, 'beds_open', 'beds', T('beds_open'));
  share(drafts, 'physicians', 'physicians', T('physicians'));
  share(drafts, 'nurses', 'nurses', T('nurses'));
  share(drafts, 'pharmacists', 'pharmacists', T('pharmacists'));
  share(drafts, 'tcm_physicians', 'tcm', T('tcm_physicians'), (f) => f.physicians ?? 0);
  share(drafts, 'gps', 'gps', T('gps'), (f) => f.physicians ?? 0);
  share(drafts, 'public_health_staff', 'phStaff', T('public_health_staff'));
  share(drafts, 'childcare_places', 'places', T('childcare_places'));
  // Health technicians: at least physicians + nurses + pharmacists, the rest shared by `otherTech`.
  const ds = drafts.filter((d) => d.raw.otherTech !== null);
  const floor = ds.map((d) => (d.f.physicians ?? 0) + (d.f.nurses ?? 0) + (d.f.pharmacists ?? 0));
  const extra = T('health_technicians') - floor.reduce((s, x) => s + x, 0);
  if (extra < 0) throw new Error('calibration: health technicians below physicians + nurses + pharmacists');
  const more = allocate(
    extra,
    ds.map((d) => d.raw.otherTech!),
  );
  ds.forEach((d, i) => (d.f.health_technicians = floor[i]! + more[i]!));
}
