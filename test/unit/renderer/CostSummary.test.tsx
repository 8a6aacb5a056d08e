// @vitest-environment happy-dom
// 费用 of 情景比较 (features/compare/CostSummary.tsx): the 其他项目 line says what it is (其他项目投资, no unit
// price: each project has its own cost) and the card names the projects it comes from, at their 万元.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareOut } from '../../../shared/compare/compare.ts';
import { costOf, resourceDelta } from '../../../shared/compare/costs.ts';
import { CostSummary } from '../../../renderer/features/compare/CostSummary.tsx';
import { fakeService, Providers, render } from './harness.tsx';

afterEach(cleanup);

const other = (name: string, year: number, cost: number | null) => ({ kind: 'other' as const, name, year, cost });
// The reference plans the platform at 300 万元; the scenario at 360, with 500 万元 of equipment added.
const delta = resourceDelta([], [], [other('智慧医疗平台', 2025, 300)], [other('智慧医疗平台', 2025, 360), other('医共体设备', 2026, 500)]);
const costs = { perUnit: { beds: 300_000 }, perFacility: {} };
const result = {
  scenarios: [
    { id: 1, name: '基线', baseline: true },
    { id: 2, name: '加设备', baseline: false },
  ],
  costs,
  changes: [
    null,
    {
      facilities: { added: [], removed: [], changed: [] },
      units: { added: [], removed: [], changed: [] },
      delta,
      cost: costOf(delta, costs),
    },
  ],
} as unknown as CompareOut;

describe('CostSummary', () => {
  it('shows the 其他项目投资 line (+1 个, no unit price, 5,600,000 元) and names the projects', () => {
    render(
      <Providers service={fakeService()}>
        <CostSummary result={result} onEdit={() => {}} />
      </Providers>,
    );
    expect(screen.getByTestId('compare-cost-total').textContent).toBe('5,600,000 元（560 万元）');
    const line = screen.getByTestId('compare-cost-line');
    expect(line.getAttribute('data-item')).toBe('projects');
    expect([...line.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual(['其他项目投资', '+1 个', '—', '5,600,000']);
    expect(screen.getByTestId('compare-cost-projects').textContent).toBe(
      '其他项目按各自的投资估算（万元）计入：医共体设备（2026 年）+500 万元；智慧医疗平台（2025 年）300 万元 → 360 万元。',
    );
  });
});
