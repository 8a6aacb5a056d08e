/** The contract's populations section (spread into API in ../contract.ts): populations by year (人口 by 年份). */
import { z } from 'zod';
import type { PopulationFigure } from '../../model/entities.ts';
import type { ImportReport } from '../../model/issues.ts';
import { ColumnMappingSchema, SheetName } from './sheets.ts';
import { FileBytes, type FileOut, Format, InScenario, Key, method } from '../schemas.ts';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const PopulationFigureSchema = z.object({
  code: Key,
  year: z.number().int().min(1949).max(2100),
  population: Count,
  population_0_3: Count,
  population_65_plus: Count,
});

export interface ImportCounts {
  added: number;
  changed: number;
  unchanged: number;
}

export const POPULATIONS_API = {
  'populations.list': method<PopulationFigure[]>()(
    InScenario.extend({ code: Key.optional() }),
    'Populations by year (人口 by 年份) of a scenario, or of one unit.',
  ),
  'populations.set': method<ImportCounts>()(
    InScenario.extend({ figures: z.array(PopulationFigureSchema).min(1).max(100_000) }),
    "Set units' populations for given years exactly (a year with no figure at all is removed).",
  ),
  'populations.export': method<FileOut>()(
    InScenario.extend({ format: Format }),
    'Populations by year as a sheet (区划代码, 名称, 年份, 常住人口 …) that imports back unchanged.',
  ),
  'populations.import': method<ImportReport>()(
    InScenario.extend({ file: FileBytes, dryRun: z.boolean().default(false), mapping: ColumnMappingSchema.optional(), sheet: SheetName.optional() }),
    'Import populations by year from .xlsx/.csv (long: 区划代码, 年份, 常住人口…; or wide: 2025年常住人口 …): all or nothing.',
  ),
} as const;
