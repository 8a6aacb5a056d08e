/** The contract's standards section (spread into API in ../contract.ts): the standard sets shipped and the plan's own. */
import { z } from 'zod';
import { StandardSet, type StandardSummary } from '../../gaps/standard.ts';
import { method, Name, None, SetId } from '../schemas.ts';

export const STANDARDS_API = {
  'standards.list': method<StandardSummary[]>()(None, "Shipped standard sets and the plan's own."),
  'standards.get': method<StandardSet>()(z.object({ id: SetId }), 'One standard set with all its targets.'),
  'standards.copy': method<StandardSet>()(z.object({ from: SetId, id: SetId, name: Name }), 'Copy a set into the plan, to edit it.'),
  'standards.save': method<StandardSet>()(z.object({ set: StandardSet }), "Save one of the plan's own sets (values edited, targets added or removed)."),
  'standards.delete': method<{ deleted: string }>()(z.object({ id: SetId }), "Delete one of the plan's own sets."),
} as const;
