/** The contract's briefing methods (汇报材料; spread into API in ../contract.ts). */
import { z } from 'zod';
import type { Brief } from '../../briefing/model.ts';
import { InScenario, method, ScenarioId, SetId, Year } from '../schemas.ts';

export const BriefQuery = InScenario.extend({
  /** The scenario compared with (the "before"): its standing beside, its coverage as "before", the scenario's changes against it. */
  compareId: ScenarioId.optional(),
  standardId: SetId.optional(),
  year: Year.optional(),
});

export const BRIEFING_API = {
  'brief.get': method<Brief>()(BriefQuery,
    'Everything a briefing shows for a scenario (and the one compared with): every target\'s standing for the region and by county, coverage by travel time with a map, proposals with their cost, projects by year.'),
} as const;
