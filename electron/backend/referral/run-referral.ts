/**
 * 转诊可及性 for a scenario: the facilities of the "from" types (as of the year, 规划项目 applied), each
 * with the nearest facility of the "to" types — by default, per facility, every type above its own on
 * the referral ladder (shared/access/referral.ts) — by car on the plan's roads (computed on the worker,
 * on the graph access uses), else in a straight line; then the share within the threshold per county
 * (区县) and in all, as ReferralResultOut.
 */
import type Database from 'better-sqlite3';
import {
  REFERRAL_LADDER,
  referralRung,
  referralTargets,
  referralWithin,
  shownTenths,
  summariseReferral,
  type ReferralTimes,
  travelNote,
  DRIVE,
  conditionsNote,
} from '../../../shared/access/index.ts';
import type { ReferralCountyOut, ReferralFacilityOut, ReferralQuery, ReferralResultOut } from '../../../shared/access/referral.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../../../shared/model/kinds.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { listProjects } from '../db/projects.ts';
import { listRows } from '../db/tables.ts';
import { projectNotes } from '../gaps.ts';
import { areaName, frameOf, networkUnder, unitsNamed } from '../access/plan-inputs.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import type { ReferralGroupInput } from './compute.ts';

const zhType = (t: FacilityType) => FACILITY_TYPE_LABELS[t].zh;
const enType = (t: FacilityType) => FACILITY_TYPE_LABELS[t].en;
const placed = (x: Facility): x is Facility & { lon: number; lat: number } => x.lon !== null && x.lat !== null;

/** The "to" types of each "from" type: the ones asked for, else the ladder's; refused where neither says. */
function targetTypes(q: ReferralQuery): Map<FacilityType, FacilityType[]> {
  const from = [...new Set(q.from)];
  if (q.to?.length) {
    const both = q.to.filter((t) => from.includes(t));
    if (both.length)
      throw new ApiError(
        'INVALID_ARGS',
        `转诊去向：「${both.map(zhType).join('、')}」既是转出机构也是转诊去向，请从其中一边去掉`,
        `Referral targets: ${both.map(enType).join(', ')} cannot be both referred from and referred to — leave it out of one`,
      );
    return new Map(from.map((t) => [t, [...new Set(q.to!)]]));
  }
  const out = new Map<FacilityType, FacilityType[]>();
  for (const t of from) {
    const to = referralTargets(t);
    if (to === null || to.length === 0)
      throw new ApiError(
        'INVALID_ARGS',
        to === null
          ? `转出机构：「${zhType(t)}」不在转诊层级中（村卫生室 → 乡镇卫生院/社区卫生服务中心 → 县域医疗次中心 → 县级医院 → 三级医院），请给出转诊去向类型（to）`
          : `转出机构：「${zhType(t)}」已在转诊层级最高一级，请给出转诊去向类型（to）`,
        to === null
          ? `Referred from: ${enType(t)} is not on the referral ladder (village clinic → THC/CHC → sub-centre → county hospital → tertiary hospital); give the types referred to (to)`
          : `Referred from: ${enType(t)} is on the top rung of the referral ladder; give the types referred to (to)`,
      );
    out.set(t, to);
  }
  return out;
}

/** `opts.facilities`: the facilities as of the year when the caller has them (the gap engine's), else made here. */
export async function runReferral(
  db: Database.Database,
  planPath: string,
  q: ReferralQuery,
  year: number,
  runner: AnalysisRunner,
  opts: { facilities?: readonly Facility[] | undefined } = {},
): Promise<ReferralResultOut> {
  const t0 = performance.now();
  const targetsOf = targetTypes(q);
  const f = frameOf(db, q.scenarioId, year);
  const within = unitsNamed(f, q.within ?? [], { zh: '范围', en: 'Area' });
  const inside = (code: string) => {
    if (!within.size) return true;
    for (let u = f.byCode.get(code) ?? -1, d = 0; u >= 0 && d < 16; u = f.parent[u]!, d++) if (within.has(u)) return true;
    return false;
  };
  // The facilities as of the year: every project (规划项目) of that year or before applied, as the gap screen counts them.
  const plan = facilitiesAt(listRows(db, 'facilities', q.scenarioId), listProjects(db, q.scenarioId), year);
  const all = opts.facilities ?? plan.facilities;
  const fromAll = all.filter((x) => targetsOf.has(x.type) && inside(x.unit_code));
  const from = fromAll.filter(placed);
  const unplaced = fromAll.filter((x) => !placed(x));

  // One search per distinct set of "to" types (with `to` given: one for all).
  const groups = new Map<string, { types: FacilityType[]; from: number[]; to: (Facility & { lon: number; lat: number })[] }>();
  from.forEach((x, i) => {
    const types = targetsOf.get(x.type)!;
    const key = [...types].sort().join(',');
    let g = groups.get(key);
    if (!g) {
      const set = new Set(types);
      g = { types, from: [], to: all.filter((y) => set.has(y.type)).filter(placed) };
      groups.set(key, g);
    }
    g.from.push(i);
  });
  const list = [...groups.values()];
  const unitUrban = (code: string) => (f.units[f.byCode.get(code) ?? -1]?.urban ? 1 : 0);
  const inputs: ReferralGroupInput[] = list.map((g) => ({
    from: {
      lon: Float64Array.from(g.from, (i) => from[i]!.lon),
      lat: Float64Array.from(g.from, (i) => from[i]!.lat),
      urban: Uint8Array.from(g.from, (i) => unitUrban(from[i]!.unit_code)),
    },
    to: { lon: Float64Array.from(g.to, (y) => y.lon), lat: Float64Array.from(g.to, (y) => y.lat) },
  }));
  const net = networkUnder(db, planPath, f, q.conditions ?? 'free');
  const out =
    list.length === 0
      ? { model: net ? ('road' as const) : ('straight_line' as const), groups: [] as ReferralTimes[] }
      : await runner.run('referral', { network: net, groups: inputs });

  // Per "from" facility: its minutes and target, in `from` order.
  const minutes = new Float64Array(from.length).fill(Infinity);
  const target: ((typeof list)[number]['to'][number] | null)[] = from.map(() => null);
  let fromOff = 0;
  list.forEach((g, k) => {
    const r = out.groups[k]!;
    fromOff += r.fromOffNetwork;
    g.from.forEach((i, p) => {
      minutes[i] = r.minutes[p]!;
      target[i] = r.target[p]! >= 0 ? g.to[r.target[p]!]! : null;
    });
  });

  // Counties: the "from" facilities' county ancestors, in the plan's order.
  const countyOf = Int32Array.from(from, (x) => f.county[f.byCode.get(x.unit_code) ?? -1] ?? -1);
  const countyUnits = [...new Set(countyOf)].filter((c) => c >= 0).sort((a, b) => a - b);
  const slot = new Map(countyUnits.map((c, k) => [c, k]));
  const s = summariseReferral(
    minutes,
    Int32Array.from(countyOf, (c) => slot.get(c) ?? -1),
    countyUnits.length,
    q.thresholdMinutes,
  );
  const line = (k: number, scope: 'region' | 'county', code: string, name: string): ReferralCountyOut => ({
    scope,
    code,
    name,
    facilities: s.facilities[k]!,
    within: s.within[k]!,
    share: s.facilities[k]! > 0 ? s.within[k]! / s.facilities[k]! : null,
    worstMinutes: Number.isNaN(s.worstMinutes[k]!) ? null : shownTenths(s.worstMinutes[k]!, q.thresholdMinutes),
    unreachable: s.unreachable[k]!,
  });
  const counties = [
    line(countyUnits.length, 'region', 'region', areaName(f, within)),
    ...countyUnits.map((c, k) => line(k, 'county', f.units[c]!.code, f.units[c]!.name)),
  ];

  const facilities: ReferralFacilityOut[] = from.map((x, i) => {
    const t = target[i];
    const m = minutes[i]!;
    return {
      id: x.id,
      name: x.name,
      type: x.type,
      unit: x.unit_code,
      county: countyOf[i]! >= 0 ? f.units[countyOf[i]!]!.code : null,
      lon: x.lon,
      lat: x.lat,
      to: t?.id ?? null,
      toName: t?.name ?? null,
      toType: t?.type ?? null,
      // Rounded on the side of its verdict: 30.03 minutes beyond 30 shows 30.1, not 30.0.
      minutes: Number.isFinite(m) ? shownTenths(m, q.thresholdMinutes) : null,
      within: referralWithin(m, q.thresholdMinutes),
    };
  });
  // Worst first: those reaching nothing, then the longest; ties by id.
  const order = from.map((_, i) => i).sort((a, b) => minutes[b]! - minutes[a]! || (from[a]!.id < from[b]!.id ? -1 : from[a]!.id > from[b]!.id ? 1 : 0));

  const said = projectNotes(plan);
  const notes = { zh: [...said.zh], en: [...said.en] };
  if (unplaced.length) {
    notes.zh.push(`${unplaced.length} 所转出机构没有坐标，未计入：${unplaced.map((x) => x.name).join('、')}`);
    notes.en.push(`${unplaced.length} facilities referred from have no coordinates and are not counted: ${unplaced.map((x) => x.name).join(', ')}`);
  }
  for (const g of list)
    if (g.to.length === 0) {
      const types = { zh: g.types.map(zhType).join('、'), en: g.types.map(enType).join(', ') };
      notes.zh.push(`当前情景中 ${year} 年没有有坐标的${types.zh}，${g.from.length} 所机构无处可转`);
      notes.en.push(`No ${types.en} with coordinates in this scenario in ${year}: ${g.from.length} facilities have nowhere to refer to`);
    }
  list.forEach((g, k) => {
    const n = out.groups[k]!.toOffNetwork;
    if (!n) return;
    notes.zh.push(`${n} 所${g.types.map(zhType).join('、')}离路网超过 5 公里，无法到达`);
    notes.en.push(`${n} of the ${g.types.map(enType).join(', ')} are over 5 km from a road and cannot be reached`);
  });
  if (targetsOf.size && !q.to?.length) {
    const used = [...new Set([...targetsOf.keys()].map(referralRung))].sort((a, b) => a - b);
    notes.zh.push(
      `转诊去向按层级取上一级及以上：${used
        .map(
          (k) =>
            `${REFERRAL_LADDER[k]!.zh} → ${REFERRAL_LADDER.slice(k + 1)
              .map((r) => r.zh)
              .join('、')}`,
        )
        .join('；')}`,
    );
    notes.en.push(
      `Referred to every level above, by the ladder: ${used
        .map(
          (k) =>
            `${REFERRAL_LADDER[k]!.en} → ${REFERRAL_LADDER.slice(k + 1)
              .map((r) => r.en)
              .join(', ')}`,
        )
        .join('; ')}`,
    );
  }

  const road = out.model === 'road';
  const base = travelNote(DRIVE, out.model, 0);
  const off =
    road && fromOff
      ? { zh: `；${fromOff} 所转出机构离路网超过 5 公里，按不可达计`, en: `; ${fromOff} facilities over 5 km from a road count as unreachable` }
      : { zh: '', en: '' };
  const how = road
    ? { zh: '，转诊时间为从转出机构驾车到最近上级机构的车程', en: ', referral time by car from the facility to the nearest one above' }
    : { zh: '，城镇、农村按转出机构所在单位', en: ', town or country by the unit of the facility referred from' };
  const when = conditionsNote(q.conditions ?? 'free', out.model);
  return {
    model: out.model,
    modelNote: `${base.zh}${how.zh}${when.zh}${off.zh}`,
    modelNoteEn: `${base.en}${how.en}${when.en}${off.en}`,
    query: { ...q },
    targetsOf: Object.fromEntries(targetsOf),
    year,
    facilities: order.map((i) => facilities[i]!),
    counties,
    targets: [...new Map(list.flatMap((g) => g.to).map((y) => [y.id, { id: y.id, name: y.name, type: y.type, lon: y.lon, lat: y.lat }])).values()],
    notes: notes.zh,
    notesEn: notes.en,
    ms: Math.round(performance.now() - t0),
  };
}
