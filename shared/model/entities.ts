/** Units, facilities and scenarios as plain data; types and zod schemas derived from the column list. */
import { z } from 'zod';
import { FACILITY_COLUMNS, UNIT_COLUMNS, type ColumnDef, type RowOf } from './columns.ts';
import { FACILITY_TYPES, SERVICE_STANDARDS, UNIT_KINDS } from './kinds.ts';
import { PERCENT_COLUMNS, SHARE_MAX } from './cells.ts';

/** The zod schema of one column's stored value. */
export function columnSchema(c: ColumnDef): z.ZodType {
  const bounded = (s: z.ZodNumber) => {
    if (c.min !== undefined) s = s.min(c.min);
    if (c.max !== undefined) s = s.max(c.max);
    return s;
  };
  switch (c.type) {
    case 'text':
      return c.required ? z.string().trim().min(1) : z.string().nullable();
    case 'int':
      return bounded(z.number().int()).nullable();
    case 'number':
      return PERCENT_COLUMNS.has(c.key) ? z.number().min(0).max(SHARE_MAX).nullable() : bounded(z.number()).nullable();
    case 'bool':
      return z.boolean().nullable();
    case 'unitKind':
      return z.enum(UNIT_KINDS);
    case 'facilityType':
      return z.enum(FACILITY_TYPES);
    case 'serviceStandard':
      return z.enum(SERVICE_STANDARDS).nullable();
  }
}

const schemasOf = (cols: readonly ColumnDef[]): Record<string, z.ZodType> => Object.fromEntries(cols.map((c) => [c.key, columnSchema(c)]));

/** 行政区划单位. `urban` is always known once stored (it defaults from the kind). */
export type Unit = Omit<RowOf<typeof UNIT_COLUMNS>, 'urban'> & { urban: boolean };
/** 医疗卫生机构 */
export type Facility = RowOf<typeof FACILITY_COLUMNS>;

export const UNIT_FIELD_SCHEMAS = { ...schemasOf(UNIT_COLUMNS), urban: z.boolean() };
export const FACILITY_FIELD_SCHEMAS = schemasOf(FACILITY_COLUMNS);
export const UnitSchema = z.object(UNIT_FIELD_SCHEMAS) as unknown as z.ZodType<Unit>;
export const FacilitySchema = z.object(FACILITY_FIELD_SCHEMAS) as unknown as z.ZodType<Facility>;

/** One unit's populations in one year (人口 by 年份), beside the unit's own figure for its `year`. */
export interface PopulationFigure {
  code: string;
  year: number;
  population: number | null;
  population_0_3: number | null;
  population_65_plus: number | null;
}

/** 方案情景: the baseline (基线) is id 1 and cannot be deleted. */
export const ScenarioSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  baseline: z.boolean(),
  created_at: z.string(),
  note: z.string().nullable(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export const BASELINE_SCENARIO_ID = 1;

/** A facility with only its identity known; every resource is null (unknown), not zero. */
export function emptyFacility(id: string, name: string, type: Facility['type'], unit_code: string): Facility {
  const blank = Object.fromEntries(FACILITY_COLUMNS.map((c) => [c.key, null])) as unknown as Facility;
  return { ...blank, id, name, type, unit_code };
}
