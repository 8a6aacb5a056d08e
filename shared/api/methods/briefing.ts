/** The contract's briefing methods (汇报材料; spread into API in ../contract.ts). */
import { z } from 'zod';
import type { Brief } from '../../briefing/model.ts';
import type { FileOut } from '../schemas.ts';
import { InScenario, method, ScenarioId, SetId, Year } from '../schemas.ts';

export const BriefQuery = InScenario.extend({
  /** The scenario compared with (the "before"): its standing beside, its coverage as "before", the scenario's changes against it. */
  compareId: ScenarioId.optional(),
  standardId: SetId.optional(),
  year: Year.optional(),
  /** The language of the brief's own sentences (notes, the travel model, the projects' changes). */
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const BRIEFING_API = {
  'brief.get': method<Brief>()(
    BriefQuery,
    "Everything a briefing shows for a scenario (and the one compared with): every target's standing for the region and by county, coverage by travel time with a map, proposals with their cost, projects by year.",
  ),
  'app.printBrief': method<FileOut>()(
    BriefQuery,
    "The briefing as an A4 PDF printed by the app's own renderer (the print view). Only the Electron door has it (others: UNAVAILABLE — a browser prints the print view itself, the CLI uses headless Chromium).",
  ),
} as const;
