// @vitest-environment happy-dom
// The map at province scale (issue 18): the side panel's long lists draw their first 200 rows and a button
// for 500 more (the rows in the list's own order: the most people first), and a re-run whose demand points
// are unchanged keeps the map's points as they were (sameDemand), so 25,000 points are not sent again.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemandPointOut, ServiceAreasOut } from '../../../shared/access/result.ts';
import { CatchmentList } from '../../../renderer/features/map/CatchmentList.tsx';
import { sameDemand } from '../../../renderer/features/map/geo.ts';
import { fakeService, Providers, render } from './harness.tsx';

afterEach(cleanup);

describe('the catchment list of 2,500 stations', () => {
  // Station i serves 10 × (i + 1) people: 急救站2500 the most (25,000), then 急救站2499 (24,990) …
  const catchments: NonNullable<ServiceAreasOut['catchments']> = Array.from({ length: 2500 }, (_, i) => ({
    facility: `E${i}`,
    name: `急救站${i + 1}`,
    population: 10 * (i + 1),
    colour: i % 8,
    polygons: [],
  }));
  it('shows the 200 serving the most people, then 500 more on each click, then all 2,500', () => {
    render(
      <Providers service={fakeService()}>
        <CatchmentList catchments={catchments} />
      </Providers>,
    );
    const rows = () => screen.queryAllByTestId('access-catchment');
    expect(rows()).toHaveLength(200);
    expect(rows()[0]!.getAttribute('data-facility')).toBe('E2499');
    expect(rows()[0]!.querySelector('td')!.textContent).toBe('25,000');
    // the 200th: station 2301 (index 2300), 23,010 people
    expect(rows()[199]!.querySelector('td')!.textContent).toBe('23,010');
    const more = screen.getByTestId('access-catchment-more');
    expect(more.textContent).toBe('已列出 200 / 2,500 行，再显示 500 行');
    fireEvent.click(more);
    expect(rows()).toHaveLength(700);
    for (let k = 0; k < 3; k++) fireEvent.click(screen.getByTestId('access-catchment-more'));
    expect(rows()).toHaveLength(2200);
    expect(screen.getByTestId('access-catchment-more').textContent).toBe('已列出 2,200 / 2,500 行，再显示 300 行');
    fireEvent.click(screen.getByTestId('access-catchment-more'));
    expect(rows()).toHaveLength(2500);
    expect(screen.queryByTestId('access-catchment-more')).toBeNull();
    expect(rows()[2499]!.querySelector('td')!.textContent).toBe('10');
  });

  it('lists a city’s 44 stations whole, without the button', () => {
    render(
      <Providers service={fakeService()}>
        <CatchmentList catchments={catchments.slice(0, 44)} />
      </Providers>,
    );
    expect(screen.queryAllByTestId('access-catchment')).toHaveLength(44);
    expect(screen.queryByTestId('access-catchment-more')).toBeNull();
  });
});

describe('sameDemand', () => {
  const point = (i: number, p: Partial<DemandPointOut> = {}): DemandPointOut => ({
    code: `V${i}`,
    name: `村${i}`,
    township: 'T',
    lon: 110 + i / 100,
    lat: 25,
    population: 1000,
    urban: false,
    minutes: 12.5,
    nearest: 'E1',
    covered: true,
    ...p,
  });
  const run = Array.from({ length: 3 }, (_, i) => point(i));
  it('is the same for a re-run with the same places, people, minutes and coverage (new objects)', () => {
    expect(
      sameDemand(
        run,
        run.map((p) => ({ ...p })),
      ),
    ).toBe(true);
    // the nearest station is not drawn: another one at the same minutes draws the same
    expect(sameDemand(run, [point(0), point(1, { nearest: 'E2' }), point(2)])).toBe(true);
  });
  it('differs when a point’s minutes, coverage, people or place change, or a point comes or goes', () => {
    expect(sameDemand(run, [point(0), point(1, { minutes: 31 }), point(2)])).toBe(false);
    expect(sameDemand(run, [point(0), point(1, { covered: false }), point(2)])).toBe(false);
    expect(sameDemand(run, [point(0), point(1, { population: 999 }), point(2)])).toBe(false);
    expect(sameDemand(run, [point(0), point(1, { lon: 111 }), point(2)])).toBe(false);
    expect(sameDemand(run, run.slice(0, 2))).toBe(false);
  });
});
