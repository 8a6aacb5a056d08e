/**
 * Building row objects fast. An object literal with every field allocates once, with every field
 * in-object and one shape for all rows; adding 28 fields one by one to `{}` by computed key is about
 * twice as slow (and dominates a 500,000-row import). The literals below are checked against the
 * column list when this module loads: if a column is added, renamed or moved and the literal is not
 * updated, the generic (slower, always correct) builder is used, and a unit test fails.
 */
import { TABLE_COLUMNS, type TableName } from './columns.ts';

export type RowFactory = (v: readonly unknown[]) => Record<string, unknown>;

const LITERALS: Record<TableName, RowFactory> = {
  units: (v) => ({
    code: v[0],
    name: v[1],
    parent_code: v[2],
    kind: v[3],
    urban: v[4],
    population: v[5],
    population_0_3: v[6],
    population_65_plus: v[7],
    area_km2: v[8],
    lon: v[9],
    lat: v[10],
    year: v[11],
    growth_rate: v[12],
  }),
  facilities: (v) => ({
    id: v[0],
    name: v[1],
    type: v[2],
    unit_code: v[3],
    lon: v[4],
    lat: v[5],
    beds_open: v[6],
    beds_approved: v[7],
    physicians: v[8],
    tcm_physicians: v[9],
    gps: v[10],
    public_health_physicians: v[11],
    nurses: v[12],
    pharmacists: v[13],
    public_health_staff: v[14],
    health_technicians: v[15],
    bachelor_or_above: v[16],
    senior_or_intermediate_titles: v[17],
    ambulances: v[18],
    floor_area_m2: v[19],
    childcare_places: v[20],
    bed_occupancy_rate: v[21],
    tcm_hall: v[22],
    tcm_pavilion: v[23],
    fever_clinic: v[24],
    elderly_rehab_room: v[25],
    service_standard: v[26],
    opened_year: v[27],
  }),
};

function genericFactory(keys: readonly string[]): RowFactory {
  return (v) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) o[keys[i]!] = v[i];
    return o;
  };
}

/** Whether the literal builds exactly the columns, in order, each from its own index. */
function literalMatches(table: TableName): boolean {
  const keys = TABLE_COLUMNS[table].map((c) => c.key);
  const probe = LITERALS[table](keys.map((_, i) => i));
  const got = Object.keys(probe);
  return got.length === keys.length && keys.every((k, i) => got[i] === k && probe[k] === i);
}

const FACTORIES: Record<TableName, { make: RowFactory; fast: boolean }> = {
  units: literalMatches('units') ? { make: LITERALS.units, fast: true } : { make: genericFactory(TABLE_COLUMNS.units.map((c) => c.key)), fast: false },
  facilities: literalMatches('facilities')
    ? { make: LITERALS.facilities, fast: true }
    : { make: genericFactory(TABLE_COLUMNS.facilities.map((c) => c.key)), fast: false },
};

/** Builds a row of `table` from its values in TABLE_COLUMNS order. */
export function rowFactory(table: TableName): RowFactory {
  return FACTORIES[table].make;
}

/** For a test: false means the literal above no longer matches columns.ts and should be updated. */
export function rowFactoryIsFast(table: TableName): boolean {
  return FACTORIES[table].fast;
}
