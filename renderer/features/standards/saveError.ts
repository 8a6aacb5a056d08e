/**
 * Where a refused save went wrong, in the planner's words: the server answers with zod issues whose
 * path (set.targets.3.min) names the field; this finds the target and says the rule in the UI language.
 */
import { ApiError } from '../../../shared/api/errors.ts';
import type { StandardSet } from '../../../shared/gaps/standard.ts';
import type { Lang, useLang } from '../../app/i18n/index.ts';
import { fmtNumber, minIsPercent, targetName } from './targetText.ts';

type T = ReturnType<typeof useLang>['t'];

export interface SaveProblem {
  /** The target the field belongs to (null: a field of the set itself). */
  targetId: string | null;
  /** The field as the editor names its inputs: min, per, urbanMinutes, name, year, named.0.min … */
  field: string;
  text: string;
}

interface Issue { code?: string; path?: (string | number)[]; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; format?: string; expected?: string; origin?: string }

const FIELD_WORDS = ['min', 'per', 'urbanMinutes', 'ruralMinutes', 'name', 'nameEn', 'year', 'targets', 'note', 'named'] as const;

export function saveProblem(error: unknown, sent: StandardSet, t: T, lang: Lang): SaveProblem | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const issue = error.details[0] as Issue | undefined;
  const path = issue?.path;
  if (!issue || !path || path[0] !== 'set') return null;
  const rest = path.slice(1);
  const target = rest[0] === 'targets' && typeof rest[1] === 'number' ? sent.targets[rest[1]] : undefined;
  const fieldPath = (target ? rest.slice(2) : rest).map(String);
  const key = fieldPath[0] ?? 'targets';
  const percent = !!target && key === 'min' && minIsPercent(target);
  const bound = (v: number | bigint | undefined) => (v === undefined ? '' : percent ? `${fmtNumber(Number(v) * 100, lang)}%` : fmtNumber(Number(v), lang));
  const problem = issue.code === 'too_small'
    ? (issue.origin === 'string' || issue.origin === 'array' ? t('standards.problem.empty') : t(issue.inclusive === false ? 'standards.problem.mustExceed' : 'standards.problem.tooSmall', { min: bound(issue.minimum) }))
    : issue.code === 'too_big' ? t('standards.problem.tooBig', { max: bound(issue.maximum) })
      : issue.code === 'invalid_type' && issue.expected === 'int' ? t('standards.problem.notInt')
        : t('standards.problem.invalid');
  const fieldWord = (FIELD_WORDS as readonly string[]).includes(key) ? t(`standards.field.${key}`) : key;
  const text = target
    ? t('standards.fieldProblem', { target: targetName(target, lang), field: fieldWord, problem })
    : t('standards.setProblem', { field: fieldWord, problem });
  return { targetId: target?.id ?? null, field: fieldPath.join('.'), text };
}
