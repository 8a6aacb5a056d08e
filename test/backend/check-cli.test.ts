// `healthplan check` as a planner runs it (needs the build: node scripts/build.mjs): text grouped by family,
// one line per finding with its row and the fix, json as the service's reply; exit 0 with findings (they
// never block). The plan: the sample with 资阳区 (430902000000) set 3% above its streets and a 一级医院
// given 20,000 beds against 65 approved, written into the file as another program could.
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckOut } from '../../shared/api/contract.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const { healthplan } = cliIn(dir);
const ZIYANG = '430902000000';
let hospital: { id: string; name: string };

beforeAll(() => {
  expect(healthplan('sample', 's.hplan').code).toBe(0);
  const db = new Database(path.join(dir, 's.hplan'));
  db.prepare('UPDATE unit SET population = round(population * 1.03) WHERE scenario_id = 1 AND code = ?').run(ZIYANG);
  hospital = db
    .prepare("SELECT id, name FROM facility WHERE scenario_id = 1 AND type = 'primary_hospital' AND unit_code LIKE '430902%' ORDER BY id LIMIT 1")
    .get() as typeof hospital;
  db.prepare('UPDATE facility SET beds_open = 20000, beds_approved = 65 WHERE scenario_id = 1 AND id = ?').run(hospital.id);
  db.close();
}, 120_000);

describe('healthplan check', () => {
  it('json: the reply of plan.check, with the sample note; exit 0 although there are findings', () => {
    const r = healthplan('check', 's.hplan', '--standard', 'ziyang-2025', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as CheckOut & { sample: boolean };
    expect(out.sample).toBe(true);
    expect(out.judged).toEqual({ standardId: 'ziyang-2025', year: 2025 });
    expect(out.findings.map((f) => `${f.rule} ${f.row.key}`).sort()).toEqual([
      `figures.beds_approved ${hospital.id}`,
      `figures.beds_size ${hospital.id}`,
      `population.sum ${ZIYANG}`,
    ]);
    // 3% above: the streets hold 1 / 1.03 of it, −2.9%
    expect(out.findings.find((f) => f.rule === 'population.sum')!.message.zh).toMatch(/（−2\.9%，2025 年）$/);
    expect(out.counts.byFamily).toEqual({ population: 1, figures: 2, places: 0, targets: 0 });
  });

  it('text: a head line with the counts, then each family with its findings, their row reference and fix; --lang en in English', () => {
    const zh = healthplan('check', 's.hplan', '--standard', 'ziyang-2025');
    expect(zh.code, zh.err).toBe(0);
    const lines = zh.out.split('\n');
    expect(lines[0]).toMatch(/^共 3 条（标准 ziyang-2025，2025 年）；其中 \d 条影响指标数值$/);
    expect(lines).toContain('人口 (1)');
    expect(lines).toContain('数值 (2)');
    expect(lines).toContain(
      `  [机构 ${hospital.id} · beds_open] ${hospital.name}（一级医院）实有床位 20,000 张，超过此类机构的合理上限 300 张（编制床位 65 张）`,
    );
    expect(zh.out).toContain('      改正: 核对实有床位数（多写了一位？填了合计？），或机构类型是否有误');
    const en = healthplan('check', 's.hplan', '--standard', 'ziyang-2025', '--lang', 'en');
    expect(en.code, en.err).toBe(0);
    expect(en.out.split('\n')[0]).toMatch(/^3 findings \(standard ziyang-2025, 2025\); \d change a target's figures$/);
    expect(en.out).toContain(`  [facilities ${hospital.id} · beds_open] ${hospital.name} has 20,000 open beds, 307.69× its 65 approved beds`);
    expect(en.out).toContain('      fix: Check open and approved beds (swapped columns? an extra digit?)');
  });

  it('a wrong --format is a usage error (exit 2)', () => {
    expect(healthplan('check', 's.hplan', '--format', 'csv').code).toBe(2);
  });
});
