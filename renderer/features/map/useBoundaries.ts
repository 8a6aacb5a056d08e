/** The plan's unit boundaries (map.boundaries), once per plan; none when the plan (or service) has none. */
import { useEffect, useState } from 'react';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useUi } from '../../app/state/UiContext.tsx';
import type { BoundaryFeatureCollection } from '../../../shared/api/contract.ts';
import { isUnknownMethod } from './unknownMethod.ts';

let memo: { plan: string; version: number; data: BoundaryFeatureCollection | null } | null = null;

export function useBoundaries(): BoundaryFeatureCollection | null {
  const { invoke } = useAppActions();
  const plan = useAppData().status?.plan?.path ?? null;
  const { geoVersion } = useUi();
  const [data, setData] = useState<BoundaryFeatureCollection | null>(() => (memo && memo.plan === plan && memo.version === geoVersion ? memo.data : null));

  useEffect(() => {
    if (!plan) return;
    let live = true;
    invoke('map.boundaries', {}).then((b) => {
      const useful = b.features.length > 0 ? b : null;
      memo = { plan, version: geoVersion, data: useful };
      if (live) setData(useful);
    }, (e: unknown) => {
      if (!isUnknownMethod(e)) console.warn('map.boundaries', e);
      if (live) setData(null);
    });
    return () => { live = false; };
  }, [invoke, plan, geoVersion]);

  return data;
}
