/** The contract's scenarios section (spread into API in ../contract.ts): the baseline and its copies. */
import { z } from 'zod';
import type { Scenario } from '../../model/entities.ts';
import { method, Name, None, ScenarioId } from '../schemas.ts';

export const SCENARIOS_API = {
  'scenarios.list': method<Scenario[]>()(None, 'Baseline first, then scenarios by creation.'),
  'scenarios.create': method<Scenario>()(
    z.object({ name: Name, copyFrom: ScenarioId.optional() }),
    'A new scenario: a copy of the baseline, or of the scenario named by copyFrom.',
  ),
  'scenarios.rename': method<Scenario>()(z.object({ id: ScenarioId, name: Name }), 'Rename a scenario.'),
  'scenarios.delete': method<{ deleted: number }>()(z.object({ id: ScenarioId }), 'Delete a scenario (never the baseline).'),
} as const;
