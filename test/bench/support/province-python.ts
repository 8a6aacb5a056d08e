// The province bench's whole siting job in Python (test/bench/province.ts): what a planner's GIS
// colleague would do for the same MCLP on the same network, timed whole but for reading the files.
// - scipy: a CSR matrix built from the edge list (with a super-source joined to the existing
//   stations at their start seconds), one bounded search from the super-source (who is covered
//   already), one bounded search per candidate in chunks (`scipy.sparse.csgraph.dijkstra(…,
//   indices=chunk, limit=…)`: each point's threshold, less the candidate's start), then PuLP + CBC on
//   the sets — all of it for real; its sets and optimum are checked against ours.
// - igraph: the same graph build and super-source search; its `distances` has no cutoff, so each
//   candidate's search runs over the whole network: a random sample is timed and the time scaled to
//   every candidate (said in the output); the sample's sets are checked against ours; the model and
//   CBC are counted at scipy's figures (the same sets).
// The points are snapped by this process with the engine's own rule (snapPoints at the connector
// speed, the dispatch delay added to each station's start, as sitingSets does) and written out, as
// the bench does for the igraph access comparison.
import fs from 'node:fs';
import path from 'node:path';
import { DRIVE, facilitySources, modesUsed, snapPoints } from '../../../shared/access/index.ts';
import type { SitingComputeInput, SitingSets } from '../../../electron/backend/siting/compute.ts';
import { cachedNetwork, snappedDemand } from '../../../electron/backend/worker/network-cache.ts';

export const SCIPY_CHUNK = 25;
export const IGRAPH_SAMPLE = 50;

/**
 * Writes the job's files: the edges of the graph the siting used (edges.from.u32, edges.to.u32,
 * edges.seconds.f64: its forward CSR as a list) and siting.json, the snapped stations, demand points
 * and candidates.
 */
export function writeSitingJob(dir: string, input: SitingComputeInput, ours: SitingSets): void {
  if (input.direction !== 'from_facility') throw new Error('the Python job searches the forward graph: from the station');
  const travel = input.travel ?? DRIVE;
  const modes = modesUsed(travel, input.demand.urban);
  if (modes.length !== 1 || modes[0] !== 'drive') throw new Error('the Python job is by car everywhere');
  if (!input.network?.data || input.network.peak) throw new Error('the Python job is on the free-flow road graph');
  // The graph sitingSets has just used (kept in this thread's cache).
  const c = cachedNetwork({ ...input.network, data: input.network.data }, () => {}, 'drive');
  const fwd = c.graph.forward;
  const from = new Uint32Array(fwd.targets.length);
  for (let u = 0; u < c.graph.nodeCount; u++) from.fill(u, fwd.offsets[u]!, fwd.offsets[u + 1]!);
  fs.writeFileSync(path.join(dir, 'edges.from.u32'), from);
  fs.writeFileSync(path.join(dir, 'edges.to.u32'), fwd.targets);
  fs.writeFileSync(path.join(dir, 'edges.seconds.f64'), Float64Array.from(fwd.seconds));
  const existing = facilitySources(snapPoints(c.graph, c.index, input.existing.lon, input.existing.lat, c.connectorKmh), input.dispatchSeconds);
  const ex = Array.from(existing.node.keys()).filter((f) => existing.node[f]! >= 0);
  const demand = snappedDemand(c, input.demandKey, input.demand.lon, input.demand.lat);
  const cand = snapPoints(c.graph, c.index, input.candidates.lon, input.candidates.lat, c.connectorKmh);
  const used: number[] = [];
  for (let i = 0; i < cand.node.length; i++) {
    if (cand.node[i]! < 0) continue;
    if (input.candidates.onNode[i]) throw new Error('the bench lists its candidate sites (not generated on nodes)');
    used.push(i);
  }
  if (used.length !== ours.used.length || used.some((i, k) => ours.used[k] !== i)) throw new Error('candidates used differ from sitingSets');
  fs.writeFileSync(
    path.join(dir, 'siting.json'),
    JSON.stringify({
      n: c.graph.nodeCount,
      k: input.k,
      existing: { node: ex.map((f) => existing.node[f]), seconds: ex.map((f) => existing.startSeconds[f]) },
      demand: {
        node: Array.from(demand.node),
        seconds: Array.from(demand.seconds),
        threshold: Array.from(input.thresholdSeconds),
        population: Array.from(input.demand.population),
      },
      candidates: { node: used.map((i) => cand.node[i]), seconds: used.map((i) => cand.seconds[i]! + input.dispatchSeconds) },
    }),
  );
}

/** Our sets as "candidate demand" strings, to compare with the Python job's pairs. */
export function pairKeys(s: SitingSets, only?: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  for (let c = 0; c < s.sets.candidateCount; c++) {
    if (only && !only.has(c)) continue;
    for (let p = s.sets.offsets[c]!; p < s.sets.offsets[c + 1]!; p++) out.add(`${c} ${s.sets.demand[p]}`);
  }
  return out;
}

/** Whether two pair sets are the same (and how many differ). */
export function samePairs(a: Set<string>, b: Set<string>): { same: boolean; onlyA: number; onlyB: number } {
  let onlyA = 0,
    onlyB = 0;
  for (const x of a) if (!b.has(x)) onlyA++;
  for (const x of b) if (!a.has(x)) onlyB++;
  return { same: onlyA === 0 && onlyB === 0, onlyA, onlyB };
}

const READ = `
a = np.fromfile(d + '/edges.from.u32', dtype=np.uint32)
b = np.fromfile(d + '/edges.to.u32', dtype=np.uint32)
w = np.fromfile(d + '/edges.seconds.f64', dtype=np.float64)
s = json.load(open(d + '/siting.json'))
n = s['n']
ex, dem, cand = s['existing'], s['demand'], s['candidates']
exn = np.array(ex['node'], dtype=np.int64); exs = np.array(ex['seconds'], dtype=np.float64)
dn = np.array(dem['node'], dtype=np.int64); dc = np.array(dem['seconds']); thr = np.array(dem['threshold'])
pop = dem['population']
cn = np.array(cand['node'], dtype=np.int64); cs = np.array(cand['seconds'])
on = dn >= 0
`;

/** scipy + PuLP + CBC: argv dir, chunk. Prints one JSON line. */
export const SCIPY_SITING = `
import json, sys, time
t0 = time.perf_counter()
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
import pulp
d, chunk = sys.argv[1], int(sys.argv[2])
${READ}
t1 = time.perf_counter()
# The graph: CSR rows from the edge list, node n a super-source joined to each station's node at its start seconds.
fr = np.concatenate([a.astype(np.int64), np.full(len(exn), n, dtype=np.int64)])
to = np.concatenate([b.astype(np.int32), exn.astype(np.int32)])
ww = np.concatenate([w, exs])
order = np.argsort(fr, kind='stable')
indptr = np.zeros(n + 2, dtype=np.int32)
np.cumsum(np.bincount(fr, minlength=n + 1), out=indptr[1:])
G = csr_matrix((ww[order], to[order], indptr), shape=(n + 1, n + 1))
del fr, to, ww, order
t2 = time.perf_counter()
# Who the existing stations cover: one bounded search from the super-source.
lim = float(thr.max())
row = dijkstra(G, directed=True, indices=[n], limit=lim)[0]
before = np.full(len(dn), np.inf)
before[on] = row[dn[on]] + dc[on]
del row
open_ = np.flatnonzero(on & (before > thr))
t3 = time.perf_counter()
# Each candidate's coverage set: the open points it reaches within their threshold (start + road + connector).
onodes, oc, ot = dn[open_], dc[open_], thr[open_]
cover = [[] for _ in range(len(cn))]
for i in range(0, len(cn), chunk):
    D = dijkstra(G, directed=True, indices=cn[i:i + chunk], limit=lim - float(cs[i:i + chunk].min()))
    T = cs[i:i + chunk, None] + D[:, onodes] + oc[None, :]
    del D
    for r, k in zip(*np.nonzero(T <= ot[None, :])):
        cover[i + int(r)].append(int(open_[k]))
t4 = time.perf_counter()
covering = {}
for c, pts in enumerate(cover):
    for p in pts: covering.setdefault(p, []).append(c)
prob = pulp.LpProblem('mclp', pulp.LpMaximize)
x = [pulp.LpVariable(f'x{c}', cat='Binary') for c in range(len(cover))]
y = {p: pulp.LpVariable(f'y{p}', lowBound=0, upBound=1) for p in covering}
prob += pulp.lpSum(pop[p] * y[p] for p in covering)
prob += pulp.lpSum(x) <= s['k']
for p, cs_ in covering.items(): prob += y[p] <= pulp.lpSum(x[c] for c in cs_)
t5 = time.perf_counter()
prob.solve(pulp.COIN_CMD(msg=0, path='/usr/bin/cbc'))
t6 = time.perf_counter()
print(json.dumps({'read': t1 - t0, 'build': t2 - t1, 'existing': t3 - t2, 'sets': t4 - t3, 'model': t5 - t4, 'solve': t6 - t5,
  'open': len(open_), 'status': pulp.LpStatus[prob.status], 'objective': pulp.value(prob.objective),
  'pairs': [[c, p] for c, pts in enumerate(cover) for p in pts]}))
`;

/** igraph: argv dir, sample size. The candidates' searches on a random sample (no cutoff). Prints one JSON line. */
export const IGRAPH_SITING = `
import json, sys, time, random
t0 = time.perf_counter()
import numpy as np, igraph as ig
d, sample = sys.argv[1], int(sys.argv[2])
${READ}
t1 = time.perf_counter()
edges = np.concatenate([np.stack([a, b], axis=1).astype(np.int64), np.stack([np.full(len(exn), n), exn], axis=1)])
weights = np.concatenate([w, exs])
g = ig.Graph(n=n + 1, edges=edges.tolist(), directed=True, edge_attrs={'weight': weights.tolist()})
del edges, weights
t2 = time.perf_counter()
nodes = np.unique(dn[on])
row = np.array(g.distances(source=[n], target=nodes.tolist(), weights='weight', mode='out')[0])
before = np.full(len(dn), np.inf)
before[on] = row[np.searchsorted(nodes, dn[on])] + dc[on]
open_ = np.flatnonzero(on & (before > thr))
t3 = time.perf_counter()
pick = sorted(random.Random(20261207).sample(range(len(cn)), min(sample, len(cn))))
onodes = np.unique(dn[open_])
D = np.array(g.distances(source=[int(cn[c]) for c in pick], target=onodes.tolist(), weights='weight', mode='out'))
at = np.searchsorted(onodes, dn[open_])
pairs = []
for r, c in enumerate(pick):
    t = cs[c] + D[r, at] + dc[open_]
    for k in np.flatnonzero(t <= thr[open_]): pairs.append([c, int(open_[k])])
t4 = time.perf_counter()
print(json.dumps({'read': t1 - t0, 'build': t2 - t1, 'existing': t3 - t2, 'sample': pick, 'sampleSets': t4 - t3, 'candidates': len(cn),
  'open': len(open_), 'pairs': pairs}))
`;
