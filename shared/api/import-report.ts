/** What an import says back: the core's types (shared/model/issues.ts), as the contract names them. */
export type { ImportProblem, ImportReport } from '../model/issues.ts';
