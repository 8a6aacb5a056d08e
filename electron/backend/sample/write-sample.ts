/**
 * Writes the sample plan "示例: 长沙市 + 益阳市资阳区" to a new plan file, with its generated road
 * network and street/town/county boundaries, and 开福区's projects (规划项目) from 开政办发〔2022〕26号
 * (data/SAMPLE.md).
 */
import { setMeta } from '../db/meta.ts';
import { createPlanFile, type PlanDb } from '../db/plan-file.ts';
import { upsertRows } from '../db/tables.ts';
import { BASELINE_SCENARIO_ID } from '../../../shared/model/entities.ts';
import { buildSamplePlan } from './load-sample.ts';
import { generateSampleBoundaries } from '../../../shared/sample/boundaries.ts';
import { generateSampleRoads } from '../../../shared/sample/roads.ts';
import { upsertBoundaries } from '../db/boundaries.ts';
import { replaceRoadNetwork } from '../db/roads.ts';
import { kaifuSampleProjects } from '../../../shared/sample/kaifu-projects.ts';
import { addProject } from '../timeline/projects.ts';

export const SAMPLE_FILE_NAME = '示例-长沙市+益阳市资阳区.hplan';

export function writeSamplePlan(file: string): PlanDb {
  const sample = buildSamplePlan();
  const plan = createPlanFile(file, sample.name);
  plan.db.transaction(() => {
    upsertRows(plan.db, 'units', BASELINE_SCENARIO_ID, sample.units);
    upsertRows(plan.db, 'facilities', BASELINE_SCENARIO_ID, sample.facilities);
    // Checked and completed (the unit of a new site) as any project entered in the app.
    for (const p of kaifuSampleProjects(sample)) addProject(plan.db, BASELINE_SCENARIO_ID, p);
    setMeta(plan.db, 'is_sample', 'true');
    replaceRoadNetwork(plan.db, generateSampleRoads(sample));
    upsertBoundaries(plan.db, new Map(generateSampleBoundaries(sample.units).map((b) => [b.code, b.geometry])));
  })();
  return plan;
}
