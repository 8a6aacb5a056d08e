// Benchmark: the sample plan's two siting questions through the service (worker, HiGHS), each from a
// fresh service (cold: the worker starts and builds the road graph) and again (warm). Bar: < 5 s each.
// - 开福区's 10-minute emergency circle (开政办发〔2022〕26号 §四(二)9): 2 new 120 stations, MCLP, generated sites 1 km apart;
// - 资阳区's 2 county-level sub-centres (益资政办发〔2023〕20号 §三(一)1): p-median among its THCs, hospitals fixed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlannerService } from '../../electron/backend/service.ts';
import type { ApiArgs } from '../../shared/api/contract.ts';

const QUESTIONS: [string, ApiArgs<'siting.run'>][] = [
  [
    '开福区 2 new 120 stations, 10-min circle (MCLP)',
    { scenarioId: 1, model: 'mclp', type: 'ems_station', k: 2, urbanMinutes: 10, ruralMinutes: 10, within: ['开福区'], candidates: { generateMeters: 1000 } },
  ],
  [
    '资阳区 2 sub-centres (p-median, upgrade THCs)',
    {
      scenarioId: 1,
      model: 'pmedian',
      type: 'sub_centre',
      existingTypes: ['tertiary_hospital', 'secondary_hospital', 'sub_centre'],
      k: 2,
      direction: 'to',
      urbanMinutes: 15,
      ruralMinutes: 30,
      within: ['资阳区'],
      candidates: { upgrade: ['central_thc', 'thc'] },
    },
  ],
];
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-siting-'));
try {
  const first = createPlannerService({ home, door: 'direct' });
  await first.call('plan.openSample', {});
  first.close();
  for (const [label, q] of QUESTIONS) {
    const svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.openSample', {});
    for (const run of ['cold', 'warm']) {
      const t0 = performance.now();
      const r = await svc.call('siting.run', q);
      const share = (v: number) => `${((v / r.totalPopulation) * 100).toFixed(1)}%`;
      console.log(
        `${label} (${run}): ${(performance.now() - t0).toFixed(0).padStart(5)} ms — ${r.chosen.map((s) => s.name).join('、')}; covered ${share(r.coveredBefore)} → ${share(r.coveredAfter)}`
          + `${r.meanMinutesBefore !== null ? `, mean ${r.meanMinutesBefore} → ${r.meanMinutesAfter} min` : ''}; ${r.optimal ? 'optimal' : `gap ${(r.gap * 100).toFixed(2)}%`} (${r.solver}), ${r.candidateCount} candidates`,
      );
    }
    svc.close();
  }
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
