/**
 * The plan's unit boundaries: as GeoJSON text for MapLibre's worker (map.boundariesGeoJson, useGeoText), and
 * the codes of the units that have one (map.boundaryCodes: the others are drawn as centre circles), both read
 * as the map's geometry is. The gap colouring is not on the data but on the layer (style.ts's townshipPaint).
 */
import { useMemo } from 'react';
import { useGeoQuery } from './useGeoQuery.ts';
import { useGeoText } from './useGeoText.ts';
import type { SourceText } from './useTextSource.ts';

export interface Boundaries {
  text: SourceText;
  /** Codes of the units with a boundary (empty while not read or when there are none). */
  codes: ReadonlySet<string>;
}

const ALL = {};

export function useBoundaries(): Boundaries {
  const { data } = useGeoQuery('map.boundaryCodes', ALL);
  const text = useGeoText('map.boundariesGeoJson', ALL);
  const codes = useMemo(() => new Set(data ?? []), [data]);
  return useMemo(() => ({ text, codes }), [text, codes]);
}
