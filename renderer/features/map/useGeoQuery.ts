/**
 * Which units have a boundary (the geometry itself comes as text: useGeoText): changed only by the roads dialog's imports
 * and clearing (which say so with the UI's geoVersion), not by the edits that move the plan's revision
 * many times a session. So it is read through the client's cache once per plan (useQuery's follow:
 * false) and again when geoVersion moved since it was read — also while the map was not shown.
 */
import { useEffect } from 'react';
import type { ApiArgs, ApiResult } from '../../../shared/api/contract.ts';
import { stableStringify, useKept, useQuery, type Query } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

type GeoMethod = 'map.boundaryCodes';

export function useGeoQuery<M extends GeoMethod>(method: M, args: ApiArgs<M>): Query<ApiResult<M>, ApiArgs<M>> {
  const open = !!useAppData().status?.plan?.path;
  const { geoVersion } = useUi();
  const q = useQuery(method, args, { enabled: open, follow: false });
  const [readAt, setReadAt] = useKept(`map.geo ${method} ${stableStringify(args)}`, geoVersion);
  const { refetch } = q;
  useEffect(() => {
    if (readAt === geoVersion) return;
    setReadAt(geoVersion);
    refetch();
  }, [readAt, geoVersion, setReadAt, refetch]);
  return q;
}
