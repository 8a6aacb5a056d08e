/**
 * Writes the sample plan "示例: 长沙市 + 益阳市资阳区" to a new plan file, with its generated road
 * network and street/town/county boundaries, and the seed documents' projects (规划项目) it can place:
 * 开福区's six from 开政办发〔2022〕26号, then 资阳区's, 长政办发〔2023〕6号's 12 sub-centres and 62号's
 * (seed-projects.ts; data/SAMPLE.md).
 */
import fs from 'node:fs';
import { getMeta, setMeta } from '../db/meta.ts';
import { createPlanFile, openPlanFile, type PlanDb } from '../db/plan-file.ts';
import { upsertRows } from '../db/tables.ts';
import { BASELINE_SCENARIO_ID } from '../../../shared/model/entities.ts';
import { buildSamplePlan } from './load-sample.ts';
import { generateSampleBoundaries } from '../../../shared/sample/boundaries.ts';
import { generateSampleRoads } from '../../../shared/sample/roads.ts';
import { upsertBoundaries } from '../db/boundaries.ts';
import { replaceRoadNetwork } from '../db/roads.ts';
import { kaifuSampleProjects } from '../../../shared/sample/kaifu-projects.ts';
import { seedSampleProjects } from '../../../shared/sample/seed-projects.ts';
import { addProject } from '../timeline/projects.ts';

export const SAMPLE_FILE_NAME = '示例-长沙市+益阳市资阳区.hplan';

/**
 * The sample, built whole before it appears as `file` (a kill leaves no plan or the complete sample).
 * `replace` overwrites an existing file, unless another window or process has it open (LOCKED).
 */
export function writeSamplePlan(file: string, opts: { replace?: boolean } = {}): PlanDb {
  const sample = buildSamplePlan();
  return createPlanFile(file, sample.name, {
    replace: opts.replace,
    fill: (db) => {
      upsertRows(db, 'units', BASELINE_SCENARIO_ID, sample.units);
      upsertRows(db, 'facilities', BASELINE_SCENARIO_ID, sample.facilities);
      // Checked and completed (the unit of a new site) as any project entered in the app.
      for (const p of [...kaifuSampleProjects(sample), ...seedSampleProjects(sample)]) addProject(db, BASELINE_SCENARIO_ID, p);
      setMeta(db, 'is_sample', 'true');
      replaceRoadNetwork(db, generateSampleRoads(sample));
      upsertBoundaries(db, new Map(generateSampleBoundaries(sample.units).map((b) => [b.code, b.geometry])));
    },
  });
}

/**
 * The sample at `file` (the app's 打开示例, the web door's --sample): opened if it is there, written if
 * not. A sample left half-made by a version that wrote it in place (no is_sample mark and no units: it
 * was killed before its data went in) is written again.
 */
export function openSamplePlan(file: string): PlanDb {
  if (!fs.existsSync(file)) return writeSamplePlan(file);
  const plan = openPlanFile(file);
  const halfMade = getMeta(plan.db, 'is_sample') === null && plan.db.prepare('SELECT count(*) FROM unit').pluck().get() === 0;
  if (plan.readOnly || !halfMade) return plan;
  plan.close();
  return writeSamplePlan(file, { replace: true });
}
