/**
 * Referral times as the worker thread runs them (转诊可及性): per group of "from" facilities, the nearest
 * of its "to" facilities by car on the plan's roads — the graph the access analyses use, kept between
 * jobs (network-cache.ts) — or, without roads, in a straight line.
 */
import { referralOnRoads, referralStraightLine, type ReferralTimes } from '../../../shared/access/index.ts';
import { cachedNetwork, type NetworkInput } from '../worker/network-cache.ts';

export interface ReferralGroupInput {
  from: { lon: Float64Array; lat: Float64Array; urban: Uint8Array };
  to: { lon: Float64Array; lat: Float64Array };
}

export interface ReferralComputeInput {
  /** Null: no road network, the straight-line model. */
  network: NetworkInput | null;
  /** One search each (the ladder's default targets differ by the "from" facility's rung). */
  groups: ReferralGroupInput[];
}

export interface ReferralComputeOutput {
  model: 'road' | 'straight_line';
  groups: ReferralTimes[];
}

export function computeReferral(input: ReferralComputeInput, progress: (stage: string, share: number) => void = () => {}): ReferralComputeOutput {
  if (!input.network?.data) {
    progress('done', 1);
    return { model: 'straight_line', groups: input.groups.map((g) => referralStraightLine(g.from, g.to)) };
  }
  // By car: the access analyses' graph (the same key), built here only if the worker has none yet.
  const c = cachedNetwork({ ...input.network, data: input.network.data }, () => progress('graph', 0), 'drive');
  progress('search', 0.5);
  const groups = input.groups.map((g) => referralOnRoads(c.graph, c.index, g.from, g.to, c.connectorKmh));
  progress('done', 1);
  return { model: 'road', groups };
}
