/** What the sample generator reads (CSV rows as parsed, field values as text) and what it returns. */
import type { Facility, Unit } from '../model/index.ts';

type Cell = string | number;

/** data/admin/counties.csv */
export interface CountyRow {
  code: Cell;
  name: string;
  cityCode: Cell;
  provinceCode?: Cell;
}
/** data/admin/townships.csv */
export interface TownshipRow {
  code: Cell;
  name: string;
  areaCode: Cell;
  provinceCode?: Cell;
  cityCode?: Cell;
}
/** data/admin/census2020_county_population.csv (further columns are ignored) */
export interface CensusRow {
  CODE: Cell;
  NAME: string;
  POPU: Cell;
  POPU_URB: Cell;
}
/** data/sample/county-centres.csv */
export interface CentreRow {
  code: Cell;
  name: string;
  lon: Cell;
  lat: Cell;
  area_km2: Cell;
}

export interface SampleInput {
  counties: readonly CountyRow[];
  townships: readonly TownshipRow[];
  census: readonly CensusRow[];
  centres: readonly CentreRow[];
}

export interface SamplePlan {
  name: string;
  units: Unit[];
  facilities: Facility[];
}
