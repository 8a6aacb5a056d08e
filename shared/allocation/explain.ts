/** Why each line got what it got, in Chinese and English: "沙坪街道：+40 床，因每千常住人口床位数 6.1 < 11（长政办发〔2021〕62号）". */
import type { Said } from '../gaps/result.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../model/kinds.ts';
import { LIMIT } from './prepare.ts';
import { RESOURCE_LABELS, type Resource } from './resources.ts';
import type { NeedTarget, StopReason } from './types.ts';

const int = (n: number) => (n === Infinity ? '∞' : n.toLocaleString('en-US'));
const ratio = (v: number) => String(Math.round(v * 100) / 100);

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

const stopSaid = (stop: UnitStory['stop'], r: Resource): Said => {
  const l = RESOURCE_LABELS[r];
  switch (stop) {
    case 'budget': return { zh: `${l.zh}预算已分完`, en: `the ${l.en} budget is used up` };
    case 'money': return { zh: '资金已用完', en: 'the money is used up' };
    case 'no_budget': return { zh: `未给出${l.zh}预算`, en: `no ${l.en} budget was given` };
    case 'manual': return { zh: '该行为手工指定', en: 'the line was set by hand' };
    case 'closed': return { zh: '预算不足', en: 'the budget is short' };
  }
};
const NEW_FACILITY: Said = { zh: '辖区内无可扩充的机构，需新建', en: 'no existing facility in the unit can take them: a new facility is needed' };

export function unitReason(s: UnitStory): Said {
  const l = RESOURCE_LABELS[s.resource], t = s.target;
  const value = (n: number) => ratio((n / s.population) * t.per);
  const src = t.document ? `（${t.document}${t.clause ? ` ${t.clause}` : ''}）` : '';
  const srcEn = t.document ? ` (${t.document}${t.clause ? ` ${t.clause}` : ''})` : '';
  const after = s.current + s.committed + s.allocated;
  const below = { zh: `${t.name} ${value(s.current)} < ${t.min}${src}`, en: `${t.nameEn} ${value(s.current)} < ${t.min}${srcEn}` };
  let zh: string, en: string;
  if (s.shortfall === 0 && !s.manual && s.allocated === 0) {
    zh = `${s.unitName}：已达标（${t.name} ${value(s.current)} ≥ ${t.min}），不配置`;
    en = `${s.unitName}: target met (${t.nameEn} ${value(s.current)} ≥ ${t.min}); nothing given`;
  } else if (s.manual) {
    zh = `${s.unitName}：手工指定 +${l.count(int(s.allocated))}${s.shortfall > 0 ? `，${below.zh}` : ''}`;
    en = `${s.unitName}: set by hand to +${l.countEn(int(s.allocated))}${s.shortfall > 0 ? `; ${below.en}` : ''}`;
  } else if (s.allocated > 0) {
    zh = `${s.unitName}：+${l.count(int(s.allocated))}，因${below.zh}`;
    en = `${s.unitName}: +${l.countEn(int(s.allocated))}, as ${below.en}`;
  } else {
    zh = `${s.unitName}：${below.zh}`;
    en = `${s.unitName}: ${below.en}`;
  }
  if (s.committed > 0) { zh += `，已定项目 +${l.count(int(s.committed))}`; en += `, committed +${l.countEn(int(s.committed))}`; }
  if (s.allocated > 0 || s.committed > 0) { zh += `，配置后 ${value(after)}`; en += `; ${value(after)} after`; }
  if (s.remaining > 0) {
    const rest = s.remaining - s.absorbable;
    const why = stopSaid(s.stop, s.resource);
    const parts = [
      ...(s.absorbable > 0 ? [{ zh: `${rest > 0 ? `其中 ${l.count(int(s.absorbable))}因` : ''}${why.zh}`, en: `${rest > 0 ? `${l.countEn(int(s.absorbable))}: ` : ''}${why.en}` }] : []),
      ...(rest > 0 ? [{ zh: `${s.absorbable > 0 ? `${l.count(int(rest))}` : ''}${NEW_FACILITY.zh}`, en: `${s.absorbable > 0 ? `${l.countEn(int(rest))}: ` : ''}${NEW_FACILITY.en}` }] : []),
    ];
    zh += `；仍缺 ${l.count(int(s.remaining))}，${parts.map((p) => p.zh).join('；')}`;
    en += `; ${l.countEn(int(s.remaining))} still short: ${parts.map((p) => p.en).join('; ')}`;
  } else if (s.shortfall > 0) { zh += '，达标'; en += ', target met'; }
  return { zh, en };
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
  const l = RESOURCE_LABELS[s.resource];
  const zh: string[] = [], en: string[] = [];
  if (s.committed > 0) { zh.push(`已定项目 +${l.count(int(s.committed))}`); en.push(`committed +${l.countEn(int(s.committed))}`); }
  if (s.manual) { zh.push(`手工指定 +${l.count(int(s.allocated))}`); en.push(`set by hand to +${l.countEn(int(s.allocated))}`); }
  else if (s.allocated > 0) {
    const t = FACILITY_TYPE_LABELS[s.type];
    const lim = s.limit;
    const limit = s.limitKind === LIMIT.type ? { zh: `，${t.zh}上限 ${int(lim)}`, en: `, ${t.en.toLowerCase()} cap ${int(lim)}` }
      : s.limitKind === LIMIT.floor ? { zh: `，业务用房 ${int(s.floorArea ?? 0)} m² ÷ ${s.m2PerBed} m²/床 = ${int(lim)} 床`, en: `, floor area ${int(s.floorArea ?? 0)} m² ÷ ${s.m2PerBed} m²/bed = ${int(lim)} beds` }
        : s.limitKind === LIMIT.own ? { zh: `，本机构上限 ${int(lim)}`, en: `, its own limit ${int(lim)}` } : { zh: '', en: '' };
    const left = lim - s.current - s.committed - s.allocated;
    const end = lim === Infinity ? { zh: '', en: '' } : left <= 0 ? { zh: '，已达上限', en: ', limit reached' } : { zh: `，尚可扩充 ${int(left)}`, en: `, room for ${int(left)} more` };
    zh.push(`按现有规模分配 +${l.count(int(s.allocated))}（现有 ${int(s.current)}${limit.zh}${end.zh}）`);
    en.push(`+${l.countEn(int(s.allocated))} in proportion to its size (holds ${int(s.current)}${limit.en}${end.en})`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
