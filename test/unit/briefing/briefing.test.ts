// The briefing's slide plan and its static map, on hand-made data.
import { describe, expect, it } from 'vitest';
import { briefMap, mapSvg, planSlides, type Brief } from '../../../shared/briefing/index.ts';
import { type FacilityBrief, resourceDelta, type ScenarioChanges } from '../../../shared/compare/index.ts';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';

const source = { document: '长政办发〔2021〕62号', clause: '指标表第9行', text: '每千常住人口床位数 11 张' };
const ratio = (id: string, group: string): Target => ({
  id,
  name: id,
  nameEn: id,
  group,
  binding: false,
  unverified: false,
  reference: false,
  source,
  kind: 'ratio',
  measure: 'beds_open',
  per: 1000,
  population: 'total',
  min: 11,
  scopes: ['region', 'county'],
  unit: '张',
});
const result = (target: string, scope: 'region' | 'county', code: string): GapResult => ({
  target,
  scope,
  code,
  name: code,
  parent: null,
  value: 8,
  required: 11,
  shortfall: 30,
  unit: '张',
  status: 'short',
});

function brief(targets: Target[], over: Partial<Brief> = {}): Brief {
  return {
    planName: '甲',
    sample: false,
    date: '2026-11-26',
    standard: { id: 's', name: 'S', year: 2025 },
    targets,
    current: { scenario: '基线', region: targets.map((t) => result(t.id, 'region', 'region')), counties: targets.map((t) => result(t.id, 'county', 'A')) },
    compare: null,
    counts: { population: 1, counties: 1, townships: 1, facilities: 1 },
    access: null,
    map: null,
    proposals: null,
    projects: [],
    notes: [],
    ...over,
  };
}

describe('planSlides', () => {
  it('title, overview, a slide per group (8 targets at most), bars per ratio target by county, sources', () => {
    const targets = [...Array.from({ length: 9 }, (_, i) => ratio(`b${i}`, '床位')), ratio('p', '人员')];
    const kinds = planSlides(brief(targets)).map((s) => (s.kind === 'group' ? `group:${s.group}:${s.part}/${s.parts}:${s.targets.length}` : s.kind));
    expect(kinds).toEqual(['title', 'overview', 'group:床位:1/2:8', 'group:床位:2/2:1', 'group:人员:1/1:1', ...Array(10).fill('bars'), 'sources']);
  });

  it('adds coverage, proposals and the timeline only when there is something to show', () => {
    const access = {
      target: null,
      label: '1030',
      urbanMinutes: 10,
      ruralMinutes: 30,
      modelNote: '',
      before: null,
      after: { scenario: '基线', population: 1, covered: 1, byTownship: {}, curve: [] },
    };
    const changes = (added: FacilityBrief[]): ScenarioChanges => ({
      facilities: { added, removed: [], changed: [] },
      units: { added: [], removed: [], changed: [] },
      delta: resourceDelta([], []),
      cost: { total: 0, lines: [], unpriced: [], priced: false, complete: false },
    });
    const none = { against: '基线', changes: changes([]), unitNames: {} };
    expect(planSlides(brief([ratio('b', '床位')], { access, proposals: none })).map((s) => s.kind)).not.toContain('proposals');
    const one = { ...none, changes: changes([{ id: 'N', name: 'n', type: 'chc', unit_code: 'A', beds_open: 0, physicians: 0, nurses: 0 }]) };
    const kinds = planSlides(
      brief([ratio('b', '床位')], {
        access,
        proposals: one,
        projects: [{ year: 2024, name: 'x', kind: '新建', facility: 'f', change: '', cost: null, source: '', responsible: '', status: '计划' }],
      }),
    ).map((s) => s.kind);
    expect(kinds.slice(-4)).toEqual(['coverage', 'proposals', 'timeline', 'sources']);
  });
});

describe('briefMap', () => {
  const square = (x: number, y: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  });
  it('fits the outlines to the width, north up, and puts a dot where a unit has no boundary', () => {
    const m = briefMap(
      [
        { code: 'W', name: '西', area: square(112, 28), lon: null, lat: null, population: 100 },
        { code: 'E', name: '东', area: null, lon: 113.5, lat: 28.5, population: 400 },
      ],
      [
        {
          code: 'C',
          name: '区',
          area: {
            type: 'Polygon',
            coordinates: [
              [
                [112, 28],
                [114, 28],
                [114, 29],
                [112, 29],
                [112, 28],
              ],
            ],
          },
          lon: null,
          lat: null,
          population: null,
        },
      ],
      1000,
    )!;
    expect(m.width).toBe(1000);
    // 2° of longitude at 28.5° N are 2 × cos(28.5°) = 1.757 "degrees" wide for 1° tall: height = 960 ÷ 1.757 + 40.
    expect(m.height).toBe(Math.ceil(960 / (2 * Math.cos((28.5 * Math.PI) / 180)) + 40));
    expect(m.shapes[0]!.d).toMatch(/^M20\.0 \d+\.\dL/);
    expect(m.shapes[1]).toMatchObject({ d: null, r: 12 });
    const svg = mapSvg(m, (code) => (code === 'W' ? '#ff0000' : '#00ff00'));
    expect(svg).toContain('fill="#ff0000"');
    expect(svg).toContain('>区</text>');
  });

  it('has no map without any place', () => {
    expect(briefMap([{ code: 'X', name: 'x', area: null, lon: null, lat: null, population: null }], [])).toBeNull();
  });
});
