/** Pure edits of a standard set being edited (the draft), and the ids a copy or an added target gets. */
import type { StandardSet, Target } from '../../../shared/gaps/standard.ts';

export const SET_ID_RE = /^[a-z0-9][a-z0-9_.-]*$/;
const MAX_ID = 100;

/** `<base>`, else `<base>-2`, `<base>-3` … — the first not in `taken`, within the contract's 100 characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, MAX_ID - 4);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The id suggested for a copy of `from`: `<from>-copy`, unique among the sets. */
export function copyId(from: string, taken: ReadonlySet<string>): string {
  return uniqueId(`${from}-copy`, taken);
}

export function updateTarget(set: StandardSet, id: string, fn: (t: Target) => Target): StandardSet {
  return { ...set, targets: set.targets.map((t) => (t.id === id ? fn(t) : t)) };
}

export function removeTarget(set: StandardSet, id: string): StandardSet {
  return { ...set, targets: set.targets.filter((t) => t.id !== id) };
}

/**
 * Adds a target taken from another set. A target id must be unique in a set, so a clash gets
 * `<id>.<from-set>` (or a numbered one); the source document joins the set's documents.
 */
export function addTarget(set: StandardSet, target: Target, from: StandardSet): { set: StandardSet; id: string; renamed: boolean } {
  const taken = new Set(set.targets.map((t) => t.id));
  const id = taken.has(target.id) ? uniqueId(`${target.id}.${from.id}`, taken) : target.id;
  const doc = from.documents.find((d) => d.number === target.source.document);
  const documents = doc && !set.documents.some((d) => d.number === doc.number) ? [...set.documents, doc] : set.documents;
  return { set: { ...set, documents, targets: [...set.targets, { ...target, id }] }, id, renamed: id !== target.id };
}

/** Keeps the other language's name in step where it was the same text (a copy names both alike). */
export function renamed<X extends { name: string; nameEn: string }>(x: X, name: string, lang: 'zh-CN' | 'en'): X {
  if (lang === 'en') return { ...x, nameEn: name, name: x.name === x.nameEn ? name : x.name };
  return { ...x, name, nameEn: x.nameEn === x.name ? name : x.nameEn };
}

export function sameSet(a: StandardSet | null, b: StandardSet | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
