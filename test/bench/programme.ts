// Benchmark: 分年度实施计划 (programme.run) through the service on the sample plan (HiGHS, three stages from a
// greedy start; every year's figures from the gap engine on the scenario it would write). Each run twice on
// one service: cold (HiGHS loads) and warm.
// (a) 长沙市 2025–2030 against 长沙市"十四五" (15 targets; 2 binding: pharmacists, GPs), ~200 candidates: the
//     sample's own 计划 projects of 2025 on (priced by a rule each: upgrades, relocations and 其他项目 have no
//     price in a cost table), an allocation's expansions of 150 facilities (beds, physicians, nurses, GPs) and
//     30 new CHC/THC of the planner's own, priced by the cost table passed in query.costs; each year's money a
//     third of what all candidates cost ÷ 6, so it binds. Goal < 10 s, its gap stated.
// (b) 开福区 2025–2027 against its 三年行动计划 set: 50 candidates (40 facilities' GPs, 10 new facilities:
//     childcare places, a community hospital, 中医阁-carrying stations). Goal < 2 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlannerService } from '../../electron/backend/service.ts';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../shared/api/contract.ts';
import type { Facility, Unit } from '../../shared/model/entities.ts';
import { mulberry32 } from '../../shared/sample/prng.ts';

type Own = NonNullable<NonNullable<ProgrammeQueryIn['candidates']>['own']>[number];
type Line = NonNullable<NonNullable<NonNullable<ProgrammeQueryIn['candidates']>['allocation']>['lines']>[number];

/** Yuan: a bed, a physician, a nurse, a GP; a new CHC, THC, childcare centre, community hospital, station. */
const COSTS = {
  perUnit: { beds: 300_000, physicians: 200_000, nurses: 120_000, gps: 200_000 },
  perFacility: { chc: 8_000_000, thc: 6_000_000, childcare: 3_000_000, community_hospital: 20_000_000, chs_station: 1_000_000 },
};
const wan = (yuan: number) => yuan / 10_000;
/** What an own new facility costs at COSTS (万元): the building and what it brings. */
function newCost(type: keyof typeof COSTS.perFacility, fields: Record<string, number>): number {
  const u = COSTS.perUnit;
  return wan(
    COSTS.perFacility[type]
      + (fields.beds_open ?? 0) * u.beds
      + (fields.physicians ?? 0) * u.physicians
      + (fields.nurses ?? 0) * u.nurses
      + (fields.gps ?? 0) * u.gps,
  );
}
const LINE_COST = { beds: COSTS.perUnit.beds, physicians: COSTS.perUnit.physicians, nurses: COSTS.perUnit.nurses, gps: COSTS.perUnit.gps } as const;

function report(label: string, run: string, r: ProgrammeOut, ms: number): void {
  const why = new Map<string, number>();
  for (const u of r.unscheduled) why.set(u.why, (why.get(u.why) ?? 0) + 1);
  const placed = r.years.reduce((s, y) => s + y.actions.length, 0);
  const modelled = r.targets.filter((t) => t.modelled);
  console.log(
    `${label} (${run}): ${(ms / 1000).toFixed(2)} s (engine ${r.ms} ms); ${r.candidates} candidates, ${placed} placed; `
      + `objective binding ${r.objective.binding}, expected ${r.objective.expected}, cost ${r.objective.cost} 万元; `
      + `bound ${r.bound.binding} / ${r.bound.expected}; gap ${(r.gap * 100).toFixed(2)}%, ${r.optimal ? 'optimal' : 'not proven optimal'} (${r.solver})`,
  );
  console.log(
    `  by year (money / available / spent 万元, actions): ${r.years.map((y) => `${y.year} ${y.money}/${y.available}/${y.spent} ${y.actions.length}`).join('; ')}`,
  );
  console.log(
    `  unscheduled: ${[...why].map(([w, n]) => `${w} ${n}`).join(', ') || 'none'}; targets met in the last year ${modelled.filter((t) => t.by_year[r.toYear]?.status === 'met').length} of ${modelled.length} modelled (before ${modelled.filter((t) => t.before[r.toYear]?.status === 'met').length})`
      + `${r.notes.some((n) => n.includes('不一致')) ? '; MODEL AND ENGINE DISAGREE' : ''}`,
  );
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-programme-'));
const svc = createPlannerService({ home, door: 'direct' });
try {
  await svc.call('plan.openSample', {});
  const facilities: Facility[] = await svc.call('facilities.list', { scenarioId: 1 });
  const units: Unit[] = await svc.call('units.list', { scenarioId: 1 });
  const projects = await svc.call('projects.list', { scenarioId: 1 });
  const rand = mulberry32(17);

  // (a) 长沙市.
  const inCity = (code: string) => code.startsWith('4301');
  const byId = new Map(facilities.map((f) => [f.id, f]));
  // The set's region's (长沙市's) own projects: 资阳区's are not candidates of a 长沙市 programme.
  const ownProjects = projects.filter(
    (p) => p.status === 'planned' && p.year >= 2025 && inCity(p.unit_code ?? (p.facility_id ? (byId.get(p.facility_id)?.unit_code ?? '') : '')),
  );
  const PROJECT_COST = { new: 20_000, upgrade: 2_500, relocate: 3_000, expand: 1_200, other: 1_800 } as const;
  const rules = ownProjects.map((p) => ({ action: `project:${p.id}`, cost: PROJECT_COST[p.kind as keyof typeof PROJECT_COST] ?? 1_000 }));
  const expandable = facilities
    .filter(
      (f) =>
        inCity(f.unit_code) && ['secondary_hospital', 'primary_hospital', 'tcm_hospital', 'chc', 'community_hospital', 'central_thc', 'thc'].includes(f.type),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const chosen = expandable.filter(() => rand() < 150 / expandable.length).slice(0, 150);
  const lines: Line[] = [];
  let total = rules.reduce((s, r) => s + r.cost, 0);
  for (const f of chosen) {
    const primary = ['chc', 'community_hospital', 'central_thc', 'thc'].includes(f.type);
    const add: Line[] = [
      { facility: f.id, resource: 'beds', amount: 10 + Math.floor(rand() * 40) },
      { facility: f.id, resource: 'physicians', amount: 2 + Math.floor(rand() * 9) },
      { facility: f.id, resource: 'nurses', amount: 3 + Math.floor(rand() * 13) },
      ...(primary ? [{ facility: f.id, resource: 'gps' as const, amount: 1 + Math.floor(rand() * 4) }] : []),
    ];
    lines.push(...add);
    total += wan(add.reduce((s, l) => s + l.amount * LINE_COST[l.resource as keyof typeof LINE_COST], 0));
  }
  const places = units.filter((u) => inCity(u.code) && (u.kind === 'street' || u.kind === 'town') && u.lon !== null && u.lat !== null);
  const own: Own[] = [];
  for (let i = 0; own.length < 30; i++) {
    const u = places[Math.floor(rand() * places.length)]!;
    if (own.some((o) => o.unit_code === u.code)) continue;
    const type = u.kind === 'street' ? ('chc' as const) : ('thc' as const);
    const fields = {
      beds_open: 20 + Math.floor(rand() * 30),
      physicians: 6 + Math.floor(rand() * 8),
      nurses: 8 + Math.floor(rand() * 10),
      gps: 2 + Math.floor(rand() * 3),
    };
    own.push({
      id: `new:${i}`,
      name: `${u.name}新建${type === 'chc' ? '社区卫生服务中心' : '乡镇卫生院'}`,
      kind: 'new',
      facility_id: `NEW-BENCH-${i}`,
      type,
      lon: u.lon! + 0.002,
      lat: u.lat! + 0.002,
      unit_code: u.code,
      fields,
    });
    total += newCost(type, fields);
  }
  const perYear = Math.round(total / 3 / 6);
  const city: ProgrammeQueryIn = {
    scenarioId: 1,
    standardId: 'changsha-14fyp-2025',
    fromYear: 2025,
    toYear: 2030,
    money: [2025, 2026, 2027, 2028, 2029, 2030].map((year) => ({ year, amount: perYear })),
    carryOver: true,
    candidates: { projects: true, allocation: { lines }, own },
    rules,
    costs: COSTS,
  };
  console.log(
    `长沙市: ${rules.length} own projects, ${chosen.length} expansions (${lines.length} allocation lines), ${own.length} new CHC/THC; all cost ${Math.round(total)} 万元, money ${perYear} 万元 a year (carry-over)`,
  );
  for (const run of ['cold', 'warm']) {
    const t0 = performance.now();
    const r = await svc.call('programme.run', city);
    report('sample 长沙市 2025–2030, 6 years', run, r, performance.now() - t0);
  }

  // (b) 开福区: 40 facilities' GPs and 10 new facilities, three years.
  const kaifu = (code: string) => code.startsWith('430105');
  const gpAt = facilities.filter((f) => kaifu(f.unit_code) && ['chc', 'chs_station', 'community_hospital', 'secondary_hospital'].includes(f.type)).slice(0, 40);
  const streets = units.filter((u) => kaifu(u.code) && u.kind === 'street' && u.lon !== null);
  const kLines: Line[] = gpAt.map((f) => ({ facility: f.id, resource: 'gps', amount: 1 + Math.floor(rand() * 4) }));
  const kOwn: Own[] = streets.slice(0, 10).map((u, i) => {
    const type = i === 0 ? ('community_hospital' as const) : i < 6 ? ('childcare' as const) : ('chs_station' as const);
    const fields: Record<string, number | boolean> =
      type === 'childcare'
        ? { childcare_places: 80 + Math.floor(rand() * 120) }
        : type === 'chs_station'
          ? { tcm_pavilion: true, gps: 1 }
          : { beds_open: 60, gps: 6 };
    return {
      id: `kf:${i}`,
      name: `${u.name}新建${type}`,
      kind: 'new',
      facility_id: `NEW-KF-${i}`,
      type,
      lon: u.lon! + 0.001,
      lat: u.lat! + 0.001,
      unit_code: u.code,
      fields,
      cost: type === 'community_hospital' ? 3_000 : type === 'childcare' ? 300 + Math.floor(rand() * 300) : 120,
    };
  });
  const kTotal = wan(kLines.reduce((s, l) => s + l.amount * COSTS.perUnit.gps, 0)) + kOwn.reduce((s, o) => s + (o.cost ?? 0), 0);
  const kYear = Math.round(kTotal / 2 / 3);
  const county: ProgrammeQueryIn = {
    scenarioId: 1,
    standardId: 'kaifu-2024',
    fromYear: 2025,
    toYear: 2027,
    money: [2025, 2026, 2027].map((year) => ({ year, amount: kYear })),
    carryOver: false,
    candidates: { projects: false, allocation: { lines: kLines }, own: kOwn },
    costs: COSTS,
    timeLimitSeconds: 2,
  };
  console.log(
    `开福区: ${kLines.length} GP expansions, ${kOwn.length} new facilities; all cost ${Math.round(kTotal)} 万元, money ${kYear} 万元 a year (no carry-over)`,
  );
  for (const run of ['cold', 'warm']) {
    const t0 = performance.now();
    const r = await svc.call('programme.run', county);
    report('sample 开福区 2025–2027, county', run, r, performance.now() - t0);
  }
} finally {
  svc.close();
  fs.rmSync(home, { recursive: true, force: true });
}
