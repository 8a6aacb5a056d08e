/**
 * The sample plan "示例: 长沙市 + 益阳市资阳区", generated deterministically from the public
 * administrative data (names, codes, 2020 census populations) and calibrated so that Changsha's totals
 * reproduce its 2020 baseline (长政办发〔2021〕62号). Pure: no file access; the caller reads the CSVs.
 * What is real and what is generated: data/SAMPLE.md.
 */
import { calibrate, CHANGSHA_2020, ZIYANG_ILLUSTRATIVE } from './calibrate.ts';
import { countyFacilities } from './facilities.ts';
import { NameBook } from './names.ts';
import { rngFor } from './prng.ts';
import { derivedFields } from './profiles.ts';
import type { SampleInput, SamplePlan } from './types.ts';
import { buildUnits } from './units.ts';

export type { SampleInput, SamplePlan } from './types.ts';
export { CHANGSHA_2020, CHANGSHA_2020_SOURCE, targetTotal } from './calibrate.ts';
export { SAMPLE_COUNTY_CODES } from './units.ts';

export const SAMPLE_PLAN_NAME = '示例: 长沙市 + 益阳市资阳区';
/** The city whose totals are calibrated to its 2020 baseline. */
export const CALIBRATED_CITY_CODE = '430100000000';

export function generateSamplePlan(input: SampleInput): SamplePlan {
  const { cities, units } = buildUnits(input);
  const names = new NameBook();
  const facilities = cities.flatMap((city) => {
    const calibrated = city.unit.code === CALIBRATED_CITY_CODE;
    const drafts = city.counties.flatMap((c) => countyFacilities(c, !calibrated, names));
    calibrate(drafts, city.unit.population!, calibrated ? CHANGSHA_2020 : ZIYANG_ILLUSTRATIVE);
    for (const d of drafts) derivedFields(d.f, d.raw, rngFor('derived', d.f.id));
    return drafts.map((d) => d.f);
  });
  return { name: SAMPLE_PLAN_NAME, units, facilities };
}
