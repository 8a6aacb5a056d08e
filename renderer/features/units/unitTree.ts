/** 行政区划 as a tree (市 → 区县 → 街道/镇/乡 → 社区/行政村), built from parent_code. */
import type { Unit } from '../../../shared/model/entities.ts';

export type UnitNode = Unit & { children?: UnitNode[] };

/**
 * Roots are units without a parent in the plan; children keep the order of the list (code order).
 * A loop in parent codes (old files) would hide its units and never end: one unit of each loop
 * becomes a root instead, cut from its parent.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byCode = new Map<string, UnitNode>();
  for (const u of units) byCode.set(u.code, { ...u });
  const parentOf = (n: UnitNode) => {
    const p = n.parent_code ? byCode.get(n.parent_code) : undefined;
    return p === n ? undefined : p;
  };
  const roots: UnitNode[] = [];
  for (const node of byCode.values()) {
    const parent = parentOf(node);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const seen = new Set<UnitNode>();
  const mark = (top: UnitNode) => {
    const stack = [top];
    for (let n = stack.pop(); n; n = stack.pop())
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(...(n.children ?? []));
      }
  };
  roots.forEach(mark);
  for (const node of byCode.values()) {
    if (seen.has(node)) continue;
    // Not under a root, so its ancestors loop: walk up to the loop and cut it there.
    const path = new Set<UnitNode>();
    let n = node;
    while (!path.has(n)) {
      path.add(n);
      n = parentOf(n)!;
    }
    const parent = parentOf(n)!;
    parent.children = parent.children!.filter((c) => c !== n);
    if (!parent.children.length) delete parent.children;
    roots.push(n);
    mark(n);
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
