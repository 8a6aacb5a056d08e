/** The scenario a command works on: by name (基线/baseline for the baseline). */
import type { CliService } from './api.ts';
import type { Scenario } from '../../shared/model/entities.ts';
import { UsageError, type Lang } from './output.ts';

const named = (list: Scenario[], name: string) => list.find((s) => s.name === name || (s.baseline && (name === 'baseline' || name === '基线')));
const baselineOf = (list: Scenario[]) => list.find((s) => s.baseline)!;

/** `create` is always false: a scenario is made only by an import's first write (importTarget). */
export async function scenarioId(svc: CliService, name: string | undefined, create: false, lang: Lang): Promise<number> {
  void create;
  const list = await svc.call('scenarios.list', {});
  if (!name) return baselineOf(list).id;
  const found = named(list, name);
  if (found) return found.id;
  throw new UsageError(
    `${lang === 'en' ? 'No scenario named' : '没有名为此的情景'} "${name}"; ${lang === 'en' ? 'have' : '现有'}: ${list.map((s) => s.name).join(', ')}`,
  );
}

export interface ImportTarget {
  /** Runs one import step on the scenario; kept (with a scenario it creates) only when it says ok. */
  write<T extends { ok: boolean }>(step: (scenarioId: number) => Promise<T>): Promise<T>;
}

/**
 * The scenario an import writes to, by name. One not there yet is created (a copy of the baseline) by the
 * import's first write, in that write's transaction, and kept only with it: a refused import leaves no
 * scenario behind. A dry run checks against the baseline it would copy and creates nothing.
 */
export async function importTarget(svc: CliService, name: string | undefined, dryRun: boolean, lang: Lang): Promise<ImportTarget> {
  const list = await svc.call('scenarios.list', {});
  const found = name === undefined ? baselineOf(list) : named(list, name);
  let id = found?.id ?? baselineOf(list).id;
  let toCreate = found || dryRun ? null : name!;
  if (!found && dryRun) {
    console.log(
      lang === 'en' ? `scenario "${name}" does not exist yet: checked against the baseline it would copy` : `情景「${name}」尚不存在：按它将复制的基线检查`,
    );
  }
  return {
    async write(step) {
      if (toCreate === null) return step(id);
      const newName = toCreate;
      let created = 0;
      const r = await svc.workspace.atomically(
        async () => {
          created = (await svc.call('scenarios.create', { name: newName })).id;
          return step(created);
        },
        (x) => x.ok,
      );
      if (r.ok) {
        id = created;
        toCreate = null;
        console.log(lang === 'en' ? `created scenario "${newName}" (copy of the baseline)` : `已新建情景「${newName}」（复制自基线）`);
      }
      return r;
    },
  };
}

/** --apply-year Y: the proposal as projects of that year. */
export function applyYear(opts: Record<string, string | boolean | undefined>): { year?: number } {
  if (opts['apply-year'] === undefined) return {};
  const y = Number(opts['apply-year']);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError('--apply-year: a year, 2000–2100');
  if (!opts.apply) throw new UsageError('--apply-year goes with --apply NAME');
  return { year: y };
}
