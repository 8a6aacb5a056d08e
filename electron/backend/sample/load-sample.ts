/** Reads the sample's CSV files from the project's data/ folder and generates the sample plan. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { generateSamplePlan, type SampleInput, type SamplePlan } from '../../../shared/sample/generate.ts';

let cachedDataDir: string | undefined;

/**
 * The project's data/ folder: walks up from this module's folder (source tree, or a bundle in out/)
 * to the first folder holding data/admin/counties.csv.
 */
export function dataDir(): string {
  if (cachedDataDir) return cachedDataDir;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; ) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'admin', 'counties.csv'))) return (cachedDataDir = candidate);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`HealthPlan: cannot find data/admin/counties.csv above ${start}`);
    dir = up;
  }
}

/** A CSV file with a header row, as records of text (BOM and blank lines tolerated). */
export function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as T[];
}

export function readSampleInput(dir: string = dataDir()): SampleInput {
  return {
    counties: readCsv(path.join(dir, 'admin', 'counties.csv')),
    townships: readCsv(path.join(dir, 'admin', 'townships.csv')),
    census: readCsv(path.join(dir, 'admin', 'census2020_county_population.csv')),
    centres: readCsv(path.join(dir, 'sample', 'county-centres.csv')),
  };
}

export function buildSamplePlan(): SamplePlan {
  return generateSamplePlan(readSampleInput());
}
