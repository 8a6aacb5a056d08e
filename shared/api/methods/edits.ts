/** The contract's edits section (spread into API in ../contract.ts): undo and redo of a scenario's cell edits. */
import { InScenario, method } from '../schemas.ts';

/** One logged cell edit: which table, which row (code or id), which column. */
export interface EditRef {
  table: 'units' | 'facilities';
  key: string;
  field: string;
}
/** What undo and redo would change next in a scenario (null: nothing to undo/redo). */
export interface EditState {
  undo: EditRef | null;
  redo: EditRef | null;
}

export const EDITS_API = {
  'edits.state': method<EditState>()(InScenario, 'Whether undo/redo are possible.'),
  'edits.undo': method<EditState>()(InScenario, 'Undo the last edit in a scenario.'),
  'edits.redo': method<EditState>()(InScenario, 'Redo the last undone edit in a scenario.'),
} as const;
