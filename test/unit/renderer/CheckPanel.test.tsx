// @vitest-environment happy-dom
// 数据检查's panel (features/check/CheckPanel.tsx) inside the app's providers with a fake service: it asks
// plan.check for the set and year it was opened with (the gap screen's), lists the findings by family with
// their counts, 只看影响当前指标的 keeps those that change a target, and each row link sends the planner to the
// row: a facility to 医疗卫生机构 (with its column), a unit's populations by year to 行政区划 (they have no
// table of their own), a facility a 规划项目 builds (the finding names the project) to 规划项目.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckFinding, CheckOut } from '../../../shared/api/contract.ts';
import { CheckPanel } from '../../../renderer/features/check/CheckPanel.tsx';
import { useUi } from '../../../renderer/ui/state/UiContext.tsx';
import { fakeService, Providers, render, waitFor } from './harness.tsx';

const said = (zh: string) => ({ zh, en: zh });
const affects = { targets: [{ id: 'beds-per-1000', name: '每千常住人口床位数' }], effect: said('「每千常住人口床位数」：此机构按 0 计入') };
const FINDINGS: CheckFinding[] = [
  {
    id: 'p1',
    rule: 'population.sum',
    family: 'population',
    row: { table: 'populations', key: '430105000000', name: '开福区', column: 'population' },
    message: said('开福区 本级常住人口 102,000 人，下级合计 100,000 人'),
    fix: said('核对人口'),
  },
  {
    id: 'f1',
    rule: 'figures.beds_approved',
    family: 'figures',
    row: { table: 'facilities', key: 'F1', name: '甲医院', column: 'beds_open' },
    message: said('甲医院 实有床位 20,000 张，编制床位 65 张'),
    affects,
    fix: said('核对床位'),
  },
  // a facility a 新建 project builds: the finding names the project (by its id)
  {
    id: 't1',
    rule: 'targets.empty',
    family: 'targets',
    row: { table: 'projects', key: '7', name: '新建新院', column: 'beds_open' },
    message: said('新院 的「实有床位」为空'),
    affects,
    fix: said('新院 由规划项目「新建新院」新建：在「规划项目」中打开该项目'),
  },
];
const REPLY: CheckOut = {
  findings: FINDINGS,
  judged: { standardId: 'kaifu-2024', year: 2024 },
  counts: { total: 3, byFamily: { population: 1, figures: 1, places: 0, targets: 1 }, touchingTargets: 2 },
};

/** Shows the tab and the row asked to be revealed, as the shell and the tables read them. */
function Probe() {
  const { tab, reveal } = useUi();
  return <output data-testid="probe">{`${tab} ${reveal ? `${reveal.table}:${reveal.key}:${reveal.column ?? ''}` : '-'}`}</output>;
}

function setup() {
  const svc = fakeService({
    'plan.check': () => REPLY,
    'standards.list': () => [{ id: 'kaifu-2024', name: '开福区三年行动计划', nameEn: 'Kaifu', year: 2024, builtin: true, targets: 9, documents: [] }],
  });
  render(
    <Providers service={svc}>
      <CheckPanel standardId="kaifu-2024" year={2024} onClose={() => undefined} />
      <Probe />
    </Providers>,
  );
  return svc;
}
const probe = () => screen.getByTestId('probe').textContent;
const link = (key: string) =>
  screen
    .getAllByTestId('check-finding')
    .find((e) => e.dataset.key === key)!
    .querySelector('[data-testid=check-row-link]')!;
const counts = () => screen.getAllByTestId('check-group-count').map((e) => e.textContent);

describe('数据检查 panel', () => {
  afterEach(cleanup);

  it('asks for the set and year it was opened with and lists the findings by family with their counts', async () => {
    const svc = setup();
    await waitFor(() => expect(screen.getAllByTestId('check-finding')).toHaveLength(3));
    expect(svc.argsOf('plan.check')).toEqual([{ scenarioId: 1, standardId: 'kaifu-2024', year: 2024 }]);
    expect(screen.getByTestId('check-judged').textContent).toBe('按「开福区三年行动计划」· 2024 年');
    expect(screen.getAllByTestId('check-group').map((g) => g.dataset.family)).toEqual(['population', 'figures', 'places', 'targets']);
    expect(counts()).toEqual(['1 条', '1 条', '未发现问题', '1 条']);
    expect(screen.getByTestId('check-summary').textContent).toContain('共 3 条，其中 2 条影响当前指标的数字');

    // 只看影响当前指标的: the population finding changes no target of the set
    fireEvent.click(screen.getByTestId('check-only-touching'));
    await waitFor(() => expect(screen.getAllByTestId('check-finding')).toHaveLength(2));
    expect(counts()).toEqual(['未发现问题', '1 条', '未发现问题', '1 条']);
    fireEvent.click(screen.getByTestId('check-only-touching'));
    await waitFor(() => expect(screen.getAllByTestId('check-finding')).toHaveLength(3));
  });

  it('each row link shows the row where it can be changed', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId('check-finding')).toHaveLength(3));
    expect(link('7').getAttribute('data-table')).toBe('projects');
    expect(probe()).toBe('dashboard -');

    fireEvent.click(link('F1'));
    expect(probe()).toBe('facilities facilities:F1:beds_open');
    // populations by year: the unit in 行政区划
    fireEvent.click(link('430105000000'));
    expect(probe()).toBe('units units:430105000000:population');
    expect(link('430105000000').textContent).toContain('分年份人口');
    // a facility a project builds is in no facilities table: 规划项目
    fireEvent.click(link('7'));
    expect(probe()).toMatch(/^timeline /);
    expect(link('7').textContent).toBe('规划项目新建新院7实有床位');
  });
});
