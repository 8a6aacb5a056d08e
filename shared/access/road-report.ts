/** What a road network import says back (roads.import): filled by the readers (road-import.ts), re-exported by the contract. */
import type { FeatureProblem } from '../model/issues.ts';

export interface RoadImportReport {
  /** The network was replaced (or, on a dry run, would be): the file was read and holds usable roads. */
  ok: boolean;
  fileName: string;
  format: 'geojson' | 'osm.pbf';
  crs: 'wgs84' | 'gcj02' | 'bd09';
  dryRun: boolean;
  /** Features (GeoJSON) or ways with a highway tag (OSM) read. */
  features: number;
  /** Segments kept (a MultiLineString gives one per part; an OSM way cut by missing nodes one per piece). */
  segments: number;
  points: number;
  km: number;
  /** Kilometres kept by class ('' for segments with a speed but no class), major classes first. */
  kmByClass: Record<string, number>;
  /** Dropped on purpose, with counts: non-drivable classes (footway, path, cycleway, steps, track …); OSM also access=no, area=yes. */
  dropped: Record<string, number>;
  /** Features, parts or ways skipped for a problem (listed in problems). */
  skipped: number;
  problems: FeatureProblem[];
  /** More problems than are listed. */
  problemsTruncated: number;
}
