/**
 * The shipped set a plan falls back to when the own set it uses is deleted, to name it before the
 * planner confirms: the service's rule (gapSettings in electron/backend/gaps.ts), the first shipped set
 * naming one of the plan's units, else the first.
 */
import type { StandardSet, StandardSummary } from '../../../shared/gaps/standard.ts';

export async function fallbackSet(
  sets: readonly StandardSummary[],
  unitNames: ReadonlySet<string>,
  load: (id: string) => Promise<StandardSet>,
): Promise<StandardSummary | null> {
  const shipped = sets.filter((s) => s.builtin);
  for (const s of shipped) {
    const full = await load(s.id);
    if (full.appliesTo?.some((a) => unitNames.has(a))) return s;
  }
  return shipped[0] ?? null;
}
