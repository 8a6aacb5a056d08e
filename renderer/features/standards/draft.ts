/** Pure edits of a standard set being edited (the draft), and the ids a copy or an added target gets. */
import type { StandardSet, Target } from '../../../shared/gaps/standard.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../../../shared/model/kinds.ts';

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

/** What the planner chose for a new referral target (转诊可及性). */
export interface ReferralChoice {
  fromTypes: FacilityType[];
  /** Absent: the referral ladder a level up. */
  toTypes?: FacilityType[];
  minutes: number;
  /** Share of the "from" facilities within the minutes, 0–1. */
  min: number;
  scopes: ('region' | 'county')[];
  /** The Chinese name; the English one follows from the choice (or is the same text when the planner renamed it). */
  name?: string;
}

/** The document a planner's own referral target cites: no seed document states one. */
export const OWN_DOCUMENT = { number: '本方案自定', title: '本方案自定指标（规划编制时设定，非政策文件）' } as const;

/** The default names of a referral target: 乡镇卫生院30分钟转诊 / Township health centre referral within 30 min. */
export function referralNames(c: Pick<ReferralChoice, 'fromTypes' | 'minutes'>): { name: string; nameEn: string } {
  const zh = c.fromTypes.map((x) => FACILITY_TYPE_LABELS[x].zh).join('、');
  const en = c.fromTypes.map((x) => FACILITY_TYPE_LABELS[x].en).join(', ');
  return { name: `${zh}${c.minutes}分钟转诊`, nameEn: `${en} referral within ${c.minutes} min` };
}

/**
 * Adds a new referral target: id `referral` (or numbered), group 转诊, its own document (本方案自定) joining
 * the set's documents, and its rule in words as the source text.
 */
export function addReferralTarget(set: StandardSet, c: ReferralChoice, ruleZh: (t: Target) => string): { set: StandardSet; id: string; target: Target } {
  const id = uniqueId(`referral-${c.minutes}`, new Set(set.targets.map((t) => t.id)));
  const names = referralNames(c);
  const name = c.name?.trim() || names.name;
  const target: Target = {
    id,
    name,
    nameEn: name === names.name ? names.nameEn : name,
    group: '转诊',
    binding: false,
    unverified: false,
    reference: false,
    source: { document: OWN_DOCUMENT.number, clause: '规划编制时设定', text: '-' },
    kind: 'referral',
    fromTypes: [...c.fromTypes],
    ...(c.toTypes?.length ? { toTypes: [...c.toTypes] } : {}),
    minutes: c.minutes,
    min: c.min,
    scopes: [...c.scopes],
    unit: '所',
  };
  target.source.text = ruleZh(target) || name;
  const documents = set.documents.some((d) => d.number === OWN_DOCUMENT.number) ? set.documents : [...set.documents, { ...OWN_DOCUMENT }];
  return { set: { ...set, documents, targets: [...set.targets, target] }, id, target };
}
