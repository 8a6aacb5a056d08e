// The gap screen's source panel after a drill-down (issue 12, "Words"): a figure picked at one place is
// shown for the place now looked at, never the previous place's; figures of rows shown under it stay.
import { describe, expect, it } from 'vitest';
import type { GapResult } from '../../../shared/gaps/result.ts';
import { indexReport, placeRow, selectionAt } from '../../../renderer/features/gaps/drill.ts';

const result = (scope: GapResult['scope'], code: string, parent: string | null): GapResult => ({
  target: 'beds',
  scope,
  code,
  name: code,
  parent,
  value: 1,
  required: 1,
  shortfall: 0,
  unit: '张',
  status: 'met',
});
const ix = indexReport(
  [],
  [result('region', 'region', null), result('county', 'K', null), result('county', 'Y', null), result('township', 'S', 'K'), result('facility', 'F', 'S')],
);
const at = (scope: GapResult['scope'], code: string) => placeRow(ix, scope, code)!;

describe('selectionAt', () => {
  it('a figure of 全域, after drilling into a county, becomes the same target at the county', () => {
    expect(selectionAt(ix, at('county', 'K'), { target: 'beds', scope: 'region', code: 'region' })).toEqual({ target: 'beds', scope: 'county', code: 'K' });
  });
  it("a county's cell picked in 全域's table stays while 全域 is looked at; after drilling into another county it moves there", () => {
    const cell = { target: 'beds', scope: 'county' as const, code: 'K' };
    expect(selectionAt(ix, at('region', 'region'), cell)).toBe(cell);
    expect(selectionAt(ix, at('county', 'Y'), cell)).toEqual({ target: 'beds', scope: 'county', code: 'Y' });
  });
  it("a facility's figure stays at its street; back up at the county it becomes the county's", () => {
    const fac = { target: 'beds', scope: 'facility' as const, code: 'F' };
    expect(selectionAt(ix, at('township', 'S'), fac)).toBe(fac);
    expect(selectionAt(ix, at('county', 'K'), fac)).toEqual({ target: 'beds', scope: 'county', code: 'K' });
  });
  it('a target picked without a place is shown at the place; nothing picked stays nothing', () => {
    expect(selectionAt(ix, at('township', 'S'), { target: 'beds' })).toEqual({ target: 'beds', scope: 'township', code: 'S' });
    expect(selectionAt(ix, at('township', 'S'), null)).toBeNull();
  });
});
