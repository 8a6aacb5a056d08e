/**
 * A map source filled from GeoJSON text (roads, boundaries, service areas, demand points): the text is a Blob —
 * read from the service without being decoded on the page's main thread (the client's text(), the web door
 * sending the body itself), or written on the page (demandBlob) — and MapLibre's worker is given its object URL,
 * which it fetches and parses itself. Neither parsing a province's 5.8 MB of roads nor the structured clone
 * of setData with an object (2,000 boundaries, 25,000 points) happens on the main thread.
 */
import { useEffect } from 'react';
import { EMPTY } from './geo.ts';
import { lightUntilIdle } from './lightMotion.ts';
import type { GeoJSONSource, MapLibreMap } from './maplibre.ts';
import type { SourceId } from './style.ts';

/** What a text source shows: the text being read (or read), or null for nothing. */
export type SourceText = Promise<Blob> | null;

/**
 * Keeps source `id` showing `text` (a new promise: set again; the same promise: nothing). The map is not idle
 * while the text is still being read (data-reading, which useMapInstance's idle mark waits for); a text that
 * cannot be read draws nothing.
 */
export function useTextSource(map: MapLibreMap | null, id: SourceId, text: SourceText): void {
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(id);
    if (!map || !source) return;
    const el = map.getContainer();
    el.dataset.idle = 'false';
    lightUntilIdle(map);
    if (!text) {
      void source.setData(EMPTY);
      return;
    }
    const reading = new Set((el.dataset.reading ?? '').split(' ').filter(Boolean));
    reading.add(id);
    el.dataset.reading = [...reading].join(' ');
    let live = true;
    const done = () => {
      const still = (el.dataset.reading ?? '').split(' ').filter((x) => x && x !== id);
      if (still.length) el.dataset.reading = still.join(' ');
      else delete el.dataset.reading;
    };
    text.then(
      (blob) => {
        if (!live) return;
        const url = URL.createObjectURL(blob);
        el.dataset.idle = 'false';
        done();
        source
          .setData(url)
          .catch(() => undefined)
          .finally(() => URL.revokeObjectURL(url));
      },
      () => {
        if (!live) return;
        done();
        void source.setData(EMPTY);
      },
    );
    return () => {
      live = false;
      done();
    };
  }, [map, id, text]);
}
