/** The built-in 卫生机构类别 as the dialog lists them: what each reads as, and the search over code, names and type. */
import type { BuiltInTypeOut } from '../../../shared/api/contract.ts';

/** The text compared by the search: full-width folded, no spaces, lower case (as the import compares types). */
export const foldSearch = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The categories a search keeps: its code, its name or another spelling, or the words of what it reads as (`typeText`:
 * the type's label in both languages, 按医院等级…, 不规划…) contain the query; an empty query keeps all, in order.
 */
export function filterBuiltIn(rows: readonly BuiltInTypeOut[], query: string, typeText: (r: BuiltInTypeOut) => string): BuiltInTypeOut[] {
  const q = foldSearch(query);
  if (!q) return [...rows];
  return rows.filter((r) => [r.code, r.name, ...r.aliases, typeText(r)].some((s) => foldSearch(s).includes(q)));
}
