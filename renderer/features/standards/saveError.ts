/**
 * Where a refused save went wrong: the server answers with zod issues whose path (set.targets.3.min)
 * names the field; this finds the target (to mark its input) and says the rule in the UI language, in
 * the same words as the server's message (shared/api/say-issues.ts).
 */
import { ApiError } from '../../../shared/api/errors.ts';
import { sayIssue, type IssueLike } from '../../../shared/api/say-issues.ts';
import type { StandardSet } from '../../../shared/gaps/standard.ts';
import type { Lang, useLang } from '../../ui/i18n/index.ts';
import { labelIn } from '../../ui/i18n/labels.ts';

type T = ReturnType<typeof useLang>['t'];

export interface SaveProblem {
  /** The target the field belongs to (null: a field of the set itself). */
  targetId: string | null;
  /** The field as the editor names its inputs: min, per, urbanMinutes, name, year, named.0.min … */
  field: string;
  text: string;
}

export function saveProblem(error: unknown, sent: StandardSet, _t: T, lang: Lang): SaveProblem | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const issue = error.details[0] as IssueLike | undefined;
  const path = issue?.path;
  if (!issue || !path || path[0] !== 'set') return null;
  const rest = path.slice(1);
  const target = rest[0] === 'targets' && typeof rest[1] === 'number' ? sent.targets[rest[1]] : undefined;
  const fieldPath = (target ? rest.slice(2) : rest).map(String);
  const said = sayIssue(issue, { set: sent });
  return { targetId: target?.id ?? null, field: fieldPath.join('.'), text: labelIn(said, lang) };
}
