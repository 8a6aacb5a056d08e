/** The unit hierarchy (上级区划): loops in parent codes, which would hide units from the tree. */

/** Each loop in a code → parent map, once (a unit being its own parent is reported elsewhere). */
export function findCycles(parentOf: ReadonlyMap<string, string | null>): string[][] {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const cycles: string[][] = [];
  for (const start of parentOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let cur: string | null | undefined = start;
    while (cur != null && parentOf.has(cur) && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      const next: string | null = parentOf.get(cur) ?? null;
      cur = next === cur ? null : next;
    }
    if (cur != null && state.get(cur) === 1) cycles.push(path.slice(path.indexOf(cur)));
    for (const p of path) state.set(p, 2);
  }
  return cycles;
}

/**
 * The loop that giving `code` the parent `parent` would close, as the chain code → … → code, or null.
 * `parentOf` looks up the current parent of a unit (undefined when the unit is unknown).
 */
export function loopThrough(code: string, parent: string | null, parentOf: (code: string) => string | null | undefined): string[] | null {
  const chain = [code];
  const seen = new Set<string>([code]);
  for (let cur = parent; cur != null; cur = parentOf(cur) ?? null) {
    chain.push(cur);
    if (cur === code) return chain;
    if (seen.has(cur)) return null; // an older loop above, not through this unit
    seen.add(cur);
  }
  return null;
}
