/** Why each line got what it got, in Chinese and English: "沙坪街道：+40 床，因每千常住人口床位数 6.1 < 11（长政办发〔2021〕62号）". */
import type { Said } from '../gaps/result.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../model/kinds.ts';
import { LIMIT } from './prepare.ts';
import { RESOURCE_LABELS, RESOURCES, type Resource } from './resources.ts';
import type { NeedTarget, StopReason } from './types.ts';
import { int } from './format.ts';

/** A ratio to 2 decimals, trailing zeros dropped (6.1, 4.25, 11), from integers; the usual ones made once. */
const ratios: string[] = [];
function ratio(v: number): string {
  const c = Math.round(v * 100);
  if (c >= 0 && c < 100_000) return (ratios[c] ??= cents(c));
  return cents(c);
}
function cents(c: number): string {
  const whole = Math.floor(c / 100),
    rest = c - whole * 100;
  return rest === 0 ? String(whole) : rest % 10 === 0 ? `${whole}.${rest / 10}` : `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}
/** "15 床" and "15 beds" per resource, the usual ones made once (each line says two to four amounts). */
const amounts = new Map<Resource, { zh: string[]; en: string[] }>();
function count(r: Resource, n: number): string {
  if (!(n >= 0 && n < 10_000)) return RESOURCE_LABELS[r].count(int(n));
  let a = amounts.get(r);
  if (!a) amounts.set(r, (a = { zh: [], en: [] }));
  return (a.zh[n] ??= RESOURCE_LABELS[r].count(int(n)));
}
function countEn(r: Resource, n: number): string {
  if (!(n >= 0 && n < 10_000)) return RESOURCE_LABELS[r].countEn(int(n));
  let a = amounts.get(r);
  if (!a) amounts.set(r, (a = { zh: [], en: [] }));
  return (a.en[n] ??= RESOURCE_LABELS[r].countEn(int(n)));
}

/** A unit line's story: its need, what was fixed and given, and what is left and why. */
export interface UnitStory {
  unitName: string;
  resource: Resource;
  target: NeedTarget;
  population: number;
  current: number;
  committed: number;
  allocated: number;
  manual: boolean;
  /** The gap screen's shortfall (before commitments). */
  shortfall: number;
  remaining: number;
  /** Of the remaining: the part the unit's facilities could still absorb (held back by `stop`), and the rest. */
  absorbable: number;
  stop: StopReason | 'manual';
}

const saidStop = (stop: UnitStory['stop'], r: Resource): Said => {
  const l = RESOURCE_LABELS[r];
  switch (stop) {
    case 'budget':
      return { zh: `${l.zh}预算已分完`, en: `the ${l.en} budget is used up` };
    case 'money':
      return { zh: '资金已用完', en: 'the money is used up' };
    case 'no_budget':
      return { zh: `未给出${l.zh}预算`, en: `no ${l.en} budget was given` };
    case 'manual':
      return { zh: '该行为手工指定', en: 'the line was set by hand' };
    case 'closed':
      return { zh: '预算不足', en: 'the budget is short' };
    case 'no_target':
      return { zh: '没有对应指标', en: 'no target asks for it' };
  }
};
const STOPS = ['budget', 'money', 'no_budget', 'manual', 'closed', 'no_target'] as const;
/** Why a remaining shortfall was not closed, per resource and stop. */
const STOP_SAID = Object.fromEntries(RESOURCES.map((r) => [r, Object.fromEntries(STOPS.map((s) => [s, saidStop(s, r)]))])) as Record<
  Resource,
  Record<UnitStory['stop'], Said>
>;
const NEW_FACILITY: Said = { zh: '辖区内无可扩充的机构，需新建', en: 'no existing facility in the unit can take them: a new facility is needed' };

/** A target's fixed words, made once per target: "每千常住人口床位数 " and " < 11（长政办发〔2021〕62号 一）". */
interface Words {
  name: string;
  nameEn: string;
  below: string;
  belowEn: string;
  met: string;
  metEn: string;
}
const words = new WeakMap<NeedTarget, Words>();
function wordsOf(t: NeedTarget): Words {
  let w = words.get(t);
  if (!w) {
    const ref = t.document ? `${t.document}${t.clause ? ` ${t.clause}` : ''}` : '';
    w = {
      name: `${t.name} `,
      nameEn: `${t.nameEn} `,
      below: ` < ${t.min}${ref && `（${ref}）`}`,
      belowEn: ` < ${t.min}${ref && ` (${ref})`}`,
      met: ` ≥ ${t.min}），`,
      metEn: ` ≥ ${t.min}); `,
    };
    words.set(t, w);
  }
  return w;
}

/*
 * The sentences are built as lists of pieces joined once: a joined string is one flat string, where a
 * chain of template concatenations is kept as a tree of pieces. With half a million lines kept, the
 * trees made the garbage collector most of the run's time. The two lists are reused from call to call.
 */
const zh: string[] = [],
  en: string[] = [];
function said(): Said {
  const out = { zh: zh.join(''), en: en.join('') };
  zh.length = 0;
  en.length = 0;
  return out;
}

export function unitReason(s: UnitStory): Said {
  const t = s.target,
    w = wordsOf(t);
  const now = ratio((s.current / s.population) * t.per);
  zh.push(s.unitName, '：');
  en.push(s.unitName, ': ');
  if (s.shortfall === 0) {
    // met: only a hand-set amount can give it anything
    zh.push('已达标（', w.name, now, w.met, s.allocated > 0 ? `手工指定 +${count(s.resource, s.allocated)}` : '不配置');
    en.push('target met (', w.nameEn, now, w.metEn, s.allocated > 0 ? `set by hand to +${countEn(s.resource, s.allocated)}` : 'nothing given');
  } else {
    if (s.manual) {
      zh.push('手工指定 +', count(s.resource, s.allocated), '，');
      en.push('set by hand to +', countEn(s.resource, s.allocated), '; ');
    } else if (s.allocated > 0) {
      zh.push('+', count(s.resource, s.allocated), '，因');
      en.push('+', countEn(s.resource, s.allocated), ', as ');
    }
    zh.push(w.name, now, w.below);
    en.push(w.nameEn, now, w.belowEn);
  }
  if (s.committed > 0) {
    zh.push('，已定项目 +', count(s.resource, s.committed));
    en.push(', committed +', countEn(s.resource, s.committed));
  }
  if (s.allocated > 0 || s.committed > 0) {
    const after = ratio(((s.current + s.committed + s.allocated) / s.population) * t.per);
    zh.push('，配置后 ', after);
    en.push('; ', after, ' after');
  }
  if (s.remaining > 0) {
    // "仍缺 45 床，其中 15 床因床位预算已分完；30 床辖区内无可扩充的机构，需新建" (either part alone without the split).
    const rest = s.remaining - s.absorbable;
    zh.push('；仍缺 ', count(s.resource, s.remaining), '，');
    en.push('; ', countEn(s.resource, s.remaining), ' still short: ');
    if (s.absorbable > 0) {
      const why = STOP_SAID[s.resource][s.stop];
      if (rest > 0) {
        zh.push('其中 ', count(s.resource, s.absorbable), '因', why.zh, '；', count(s.resource, rest));
        en.push(countEn(s.resource, s.absorbable), ': ', why.en, '; ', countEn(s.resource, rest), ': ');
      } else {
        zh.push(why.zh);
        en.push(why.en);
      }
    }
    if (rest > 0) {
      zh.push(NEW_FACILITY.zh);
      en.push(NEW_FACILITY.en);
    }
  } else if (s.shortfall > 0) {
    zh.push('，达标');
    en.push(', target met');
  }
  return said();
}

/** A facility line's story: what it holds, what was fixed and given, and what limited it. */
export interface FacilityStory {
  resource: Resource;
  type: FacilityType;
  current: number;
  committed: number;
  allocated: number;
  manual: boolean;
  limit: number;
  limitKind: number;
  floorArea: number | null | undefined;
  m2PerBed: number;
}

export function facilityReason(s: FacilityStory): Said {
  if (s.committed > 0) {
    zh.push('已定项目 +', count(s.resource, s.committed));
    en.push('committed +', countEn(s.resource, s.committed));
  }
  if ((s.manual || s.allocated > 0) && zh.length) {
    zh.push('；');
    en.push('; ');
  }
  if (s.manual) {
    zh.push('手工指定 +', count(s.resource, s.allocated));
    en.push('set by hand to +', countEn(s.resource, s.allocated));
  } else if (s.allocated > 0) {
    zh.push('按余量优先分配 +', count(s.resource, s.allocated), '（现有 ', int(s.current));
    en.push('+', countEn(s.resource, s.allocated), ', most room first (holds ', int(s.current));
    const lim = s.limit;
    if (s.limitKind === LIMIT.type) {
      const t = FACILITY_TYPE_LABELS[s.type];
      zh.push('，', t.zh, '上限 ', int(lim));
      en.push(', ', t.en.toLowerCase(), ' cap ', int(lim));
    } else if (s.limitKind === LIMIT.floor) {
      const area = int(s.floorArea ?? 0),
        m2 = String(s.m2PerBed);
      zh.push('，业务用房 ', area, ' m² ÷ ', m2, ' m²/床 = ', int(lim), ' 床');
      en.push(', floor area ', area, ' m² ÷ ', m2, ' m²/bed = ', int(lim), ' beds');
    } else if (s.limitKind === LIMIT.own) {
      zh.push('，本机构上限 ', int(lim));
      en.push(', its own limit ', int(lim));
    }
    const left = lim - s.current - s.committed - s.allocated;
    if (lim === Infinity) {
      /* no limit to speak of */
    } else if (left <= 0) {
      zh.push('，已达上限');
      en.push(', limit reached');
    } else {
      zh.push('，尚可扩充 ', int(left));
      en.push(', room for ', int(left), ' more');
    }
    zh.push('）');
    en.push(')');
  }
  return said();
}
