/**
 * The service as the CLI sees it: `call(method, args)` typed from the contract, so each command builds
 * a value of the method's argument type (ApiArgs<M>: a field the schema defaults may be left out, and
 * is) and nothing reaches the service untyped. The planner service is one (its `call` has this type,
 * and validates the arguments again at run time), so main.ts hands it over as it is.
 */
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract.ts';
import type { Service } from '../backend/service.ts';
import type { Lang } from './output.ts';

export type CliCall = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => Promise<ApiResult<M>>;

export interface CliService {
  call: CliCall;
  /** The import's transaction (scenario.ts) and the road import's progress (roads.ts). */
  workspace: Service['workspace'];
  close(): void;
}

/** A `healthplan` command: its usage line, summary and flags (--help prints them), and what it does with the parsed flags. */
export interface Command {
  usage: string;
  summary: { zh: string; en: string };
  options: Record<string, { type: 'string' | 'boolean'; help: string }>;
  /** How many words it takes after its name besides the flags (default exactly 1, the plan file); `run` gets the first as `file`, the others as `rest`. */
  positionals?: { min: number; max: number };
  run(svc: CliService, file: string, opts: Record<string, string | boolean | undefined>, lang: Lang, rest?: readonly string[]): Promise<number>;
}
