// The map's sources as text and the streets/towns' gap colouring as paint (useTextSource, useMapSources):
// the demand points written as GeoJSON text draw by the same bands, and the colouring picks each unit's status.
import { describe, expect, it } from 'vitest';
// MapLibre's own expression evaluator (its style spec, which maplibre-gl brings).
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { DemandPointOut } from '../../../shared/access/result.ts';
import { demandBlob } from '../../../renderer/features/map/geo.ts';
import { bandOf } from '../../../renderer/features/map/palette.ts';
import { STATUS_COLOURS } from '../../../renderer/features/map/palette.ts';
import { townshipPaint } from '../../../renderer/features/map/style.ts';

/** The demand points' text, written in one go (no task between chunks). */
const demandText = async (points: DemandPointOut[], measure: 'time' | 'radius') => (await demandBlob(points, measure, async () => {})).text();

const point = (code: string, minutes: number | null, covered: boolean, km?: number): DemandPointOut => ({
  code,
  name: `村"${code}"`,
  township: null,
  lon: 112.5,
  lat: 28.25,
  population: 1200,
  urban: false,
  minutes,
  ...(km !== undefined ? { km } : {}),
  nearest: null,
  covered,
});

describe('demand points as text', () => {
  it('one point feature each: place, people, covered, and the band of its minutes (or km)', async () => {
    const fc = JSON.parse(await demandText([point('a', 4, true), point('b', 12.5, true), point('c', 31, false), point('d', null, false)], 'time'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [112.5, 28.25] },
      properties: { code: 'a', population: 1200, covered: true, band: 0 },
    });
    // ≤5 → 0, ≤15 → 2, beyond 30 → 4, none reached → 5
    expect(fc.features.map((f: { properties: { band: number } }) => f.properties.band)).toEqual([0, 2, 4, 5]);
    expect(JSON.parse(await demandText([point('e', 40, true, 3)], 'radius')).features[0].properties.band).toBe(1); // 3 km: ≤5 km
  });
});

describe('demand points as a Blob written over several tasks', () => {
  it('is the whole collection as JSON writes it, 5,000 points a task', async () => {
    const points = Array.from({ length: 12_001 }, (_, i) => point(`p${i}`, i % 40, i % 3 > 0));
    let tasks = 1;
    const blob = await demandBlob(points, 'time', async () => {
      tasks++;
    });
    const features = points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { code: p.code, population: p.population, covered: p.covered, band: bandOf(p.minutes, 'time') },
    }));
    expect(await blob.text()).toBe(JSON.stringify({ type: 'FeatureCollection', features }));
    expect(tasks).toBe(3); // 0–4,999, 5,000–9,999, 10,000–12,000
    expect(await demandText([], 'time')).toBe('{"type":"FeatureCollection","features":[]}');
  });
});

describe('streets/towns coloured by paint', () => {
  const colourOf = (paint: ReturnType<typeof townshipPaint>, code: string) => {
    if (typeof paint.color === 'string') return paint.color;
    const e = createExpression(paint.color, 'layers[1].paint.fill-color', {
      type: 'color',
      'property-type': 'data-driven',
      expression: { interpolated: true, parameters: ['zoom', 'feature'] },
    } as never);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    return String(e.value.evaluate({ zoom: 8 }, { type: 'Polygon', properties: { code } } as never));
  };
  const rgb = (hex: string) => `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},1)`;

  it('no target: the neutral tone, opaque', () => {
    expect(townshipPaint(null)).toEqual({ color: '#fbfaf6', opacity: 0.9 });
  });
  it("a target: each unit's status colour by its code, the rest 'none'", () => {
    const paint = townshipPaint(
      new Map([
        ['430105001000', 'met'],
        ['430105002000', 'short'],
        ['430105003000', 'near'],
        ['430105004000', 'none'],
      ] as const),
    );
    expect(paint.opacity).toBe(0.55);
    expect(colourOf(paint, '430105001000')).toBe(rgb(STATUS_COLOURS.met));
    expect(colourOf(paint, '430105002000')).toBe(rgb(STATUS_COLOURS.short));
    expect(colourOf(paint, '430105003000')).toBe(rgb(STATUS_COLOURS.near));
    expect(colourOf(paint, '430105004000')).toBe(rgb(STATUS_COLOURS.none));
    expect(colourOf(paint, '999')).toBe(rgb(STATUS_COLOURS.none));
  });
  it('a target every unit lacks data for: all none', () => {
    expect(townshipPaint(new Map([['430105001000', 'none']] as const))).toEqual({ color: STATUS_COLOURS.none, opacity: 0.55 });
  });
});
