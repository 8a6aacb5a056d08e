/** The scenario a command works on: by name (基线/baseline for the baseline), created when asked. */
import type { Service } from '../backend/service.ts';
import { UsageError, type Lang } from './output.ts';

export async function scenarioId(svc: Service, name: string | undefined, create: boolean, lang: Lang): Promise<number> {
  const list = await svc.call('scenarios.list', {});
  if (!name) return list.find((s) => s.baseline)!.id;
  const found = list.find((s) => s.name === name || (s.baseline && (name === 'baseline' || name === '基线')));
  if (found) return found.id;
  if (!create) throw new UsageError(`${lang === 'en' ? 'No scenario named' : '没有名为此的情景'} "${name}"; ${lang === 'en' ? 'have' : '现有'}: ${list.map((s) => s.name).join(', ')}`);
  const s = await svc.call('scenarios.create', { name });
  console.log(lang === 'en' ? `created scenario "${s.name}" (copy of the baseline)` : `已新建情景「${s.name}」（复制自基线）`);
  return s.id;
}

/** --apply-year Y: the proposal as projects of that year. */
export function applyYear(opts: Record<string, string | boolean | undefined>): { year?: number } {
  if (opts['apply-year'] === undefined) return {};
  const y = Number(opts['apply-year']);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError('--apply-year: a year, 2000–2100');
  if (!opts.apply) throw new UsageError('--apply-year goes with --apply NAME');
  return { year: y };
}
