/** 行政区划 as a tree (市 → 区县 → 街道/镇/乡 → 社区/行政村), built from parent_code. */
import type { Unit } from '../../../shared/model/entities.ts';

export type UnitNode = Unit & { children?: UnitNode[] };

/** Roots are units without a parent in the plan; children keep the order of the list (code order). */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byCode = new Map<string, UnitNode>();
  for (const u of units) byCode.set(u.code, { ...u });
  const roots: UnitNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parent_code ? byCode.get(node.parent_code) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The upper two levels open (cities and counties), so the streets and towns show. */
export function defaultExpandedUnits(roots: readonly UnitNode[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const r of roots) {
    if (!r.children?.length) continue;
    out[r.code] = true;
    for (const c of r.children) if (c.children?.length) out[c.code] = true;
  }
  return out;
}
