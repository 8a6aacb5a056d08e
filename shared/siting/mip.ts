/**
 * 精确模型: the siting models as mixed-integer programs, plain data for any MIP solver (HiGHS in
 * electron/backend/siting/exact.ts). Built on the merged groups (instance.ts), so a 50,000-point
 * grid costs only as many rows as it has distinct patterns. y_c ∈ {0,1} opens candidate c.
 *
 * - MCLP: max Σ w_g z_g; z_g ≤ Σ_{c reaches g} y_c; Σ y ≤ k; 0 ≤ z ≤ 1.
 * - MCLP with capacity: max Σ w_g x_cg; Σ_c x_cg ≤ 1; x_cg ≤ y_c; Σ_g w_g x_cg ≤ cap_c y_c;
 *   Σ y ≤ k; x ≥ 0 (a point may be split between sites).
 * - LSCP: min Σ y; Σ_{c reaches g} y_c ≥ 1 for every group.
 * - p-median: min Σ w_g b_g − Σ w_g (b_g − t_cg) x_cg; Σ_c x_cg ≤ 1; x_cg ≤ y_c; Σ y ≤ k
 *   (a group left unassigned pays its base: the existing facility or the cutoff).
 * Columns: y_0 … y_{m−1}, then the z or x (x in the groups' column order).
 */
import type { Instance } from './instance.ts';

export interface MipModel {
  sense: 'minimize' | 'maximize';
  /** Constant added to the objective. */
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 for an integer column. */
  integer: Uint8Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** The constraint matrix in compressed rows: row r is `rowStart[r] .. rowStart[r+1]-1`. */
  rowStart: Int32Array;
  index: Int32Array;
  value: Float64Array;
  /** A feasible solution (every column) to start from: the heuristic's. */
  start?: Float64Array;
}

export interface MipOptions {
  timeLimitSeconds: number;
  /** Stop when (primal − dual) / primal is at most this (0: prove optimality). */
  relGap: number;
}

export interface MipResult {
  status: 'optimal' | 'time_limit' | 'infeasible' | 'failed';
  /** Best objective found (NaN without a solution). */
  objective: number;
  /** The solver's proven bound on the optimum (dual bound). */
  bound: number;
  /** Column values of the best solution, null without one. */
  x: Float64Array | null;
}

/** A MIP solver: synchronous once loaded, so the siting stays one synchronous call in a worker. */
export type MipSolver = (model: MipModel, opts: MipOptions) => MipResult;

export function mclpModel(inst: Instance, k: number, start?: readonly number[]): MipModel {
  const m = inst.candidateCount,
    G = inst.groupCount;
  const b = new ModelBuilder(m + G);
  for (let g = 0; g < G; g++) {
    b.cost[m + g] = inst.weight[g]!;
    b.upper[m + g] = 1;
    b.row(-Infinity, 0);
    b.entry(m + g, 1);
    for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) b.entry(inst.colCandidate[j]!, -1);
  }
  cardinality(b, m, k);
  const model = b.done('maximize', 0, m);
  if (start) {
    const x = openSites(m + G, start);
    for (let g = 0; g < G; g++) for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) if (x[inst.colCandidate[j]!]) x[m + g] = 1;
    model.start = x;
  }
  return model;
}

/** `start.share(g, c)`: the people of group g that chosen site c serves in the heuristic's answer. */
export function capacityModel(
  inst: Instance,
  k: number,
  capacity: Float64Array,
  start?: { chosen: readonly number[]; share: (g: number, c: number) => number },
): MipModel {
  const m = inst.candidateCount,
    G = inst.groupCount;
  const pairs = inst.colStart[G]!;
  const b = new ModelBuilder(m + pairs);
  for (let g = 0; g < G; g++) {
    b.row(-Infinity, 1);
    for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) {
      b.cost[m + j] = inst.weight[g]!;
      b.upper[m + j] = 1;
      b.entry(m + j, 1);
    }
  }
  // Pairs by candidate, for the capacity rows.
  const byCandidate: number[][] = Array.from({ length: m }, () => []);
  for (let g = 0; g < G; g++) for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) byCandidate[inst.colCandidate[j]!]!.push(j);
  for (let c = 0; c < m; c++) {
    const list = byCandidate[c]!;
    if (list.length === 0) continue;
    b.row(-Infinity, 0);
    for (const j of list) b.entry(m + j, inst.weight[groupOfPair(inst, j)]!);
    b.entry(c, -Math.max(0, capacity[c]!));
  }
  // x ≤ y per pair: implied in integer solutions by the capacity row, but without it the relaxation
  // is no better than k × capacity and the MIP finds nothing.
  for (let j = 0; j < pairs; j++) {
    b.row(-Infinity, 0);
    b.entry(m + j, 1);
    b.entry(inst.colCandidate[j]!, -1);
  }
  cardinality(b, m, k);
  const model = b.done('maximize', 0, m);
  if (start) {
    const x = openSites(m + pairs, start.chosen);
    for (let g = 0; g < G; g++) {
      for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) {
        const c = inst.colCandidate[j]!;
        if (x[c]) x[m + j] = Math.min(1, start.share(g, c) / inst.weight[g]!);
      }
    }
    model.start = x;
  }
  return model;
}

export function lscpModel(inst: Instance, start?: readonly number[]): MipModel {
  const m = inst.candidateCount,
    G = inst.groupCount;
  const b = new ModelBuilder(m);
  for (let c = 0; c < m; c++) b.cost[c] = 1;
  for (let g = 0; g < G; g++) {
    b.row(1, Infinity);
    for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) b.entry(inst.colCandidate[j]!, 1);
  }
  const model = b.done('minimize', 0, m);
  if (start) model.start = openSites(m, start);
  return model;
}

export function pMedianModel(inst: Instance, k: number, start?: readonly number[]): MipModel {
  const m = inst.candidateCount,
    G = inst.groupCount;
  const pairs = inst.colStart[G]!;
  const b = new ModelBuilder(m + pairs);
  let offset = 0;
  for (let g = 0; g < G; g++) {
    const w = inst.weight[g]!,
      base = inst.base[g]!;
    offset += w * base;
    b.row(-Infinity, 1);
    for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) {
      b.cost[m + j] = -w * (base - inst.colCost[j]!);
      b.upper[m + j] = 1;
      b.entry(m + j, 1);
    }
  }
  for (let j = 0; j < pairs; j++) {
    b.row(-Infinity, 0);
    b.entry(m + j, 1);
    b.entry(inst.colCandidate[j]!, -1);
  }
  cardinality(b, m, k);
  const model = b.done('minimize', offset, m);
  if (start) {
    const x = openSites(m + pairs, start);
    for (let g = 0; g < G; g++) {
      let best = -1;
      for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++)
        if (x[inst.colCandidate[j]!] && (best < 0 || inst.colCost[j]! < inst.colCost[best]!)) best = j;
      if (best >= 0) x[m + best] = 1;
    }
    model.start = x;
  }
  return model;
}

/** The candidates whose y is 1 in a solution (rounded: solvers return 0.9999999). */
export function openedIn(x: Float64Array, candidateCount: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < candidateCount; c++) if (x[c]! > 0.5) out.push(c);
  return out;
}

function openSites(columns: number, chosen: readonly number[]): Float64Array {
  const x = new Float64Array(columns);
  for (const c of chosen) x[c] = 1;
  return x;
}

function cardinality(b: ModelBuilder, m: number, k: number): void {
  b.row(-Infinity, k);
  for (let c = 0; c < m; c++) b.entry(c, 1);
}

/** The group of pair j (the groups' column starts ascend): a binary search. */
export function groupOfPair(inst: Instance, j: number): number {
  let lo = 0,
    hi = inst.groupCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (inst.colStart[mid]! <= j) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Columns have bounds [0, upper] (1 unless changed); rows are added one at a time, entries after each. */
class ModelBuilder {
  readonly cost: Float64Array;
  readonly upper: Float64Array;
  private readonly columns: number;
  private rowStart: number[] = [];
  private lower: number[] = [];
  private upperRow: number[] = [];
  private index = new Int32Array(1024);
  private value = new Float64Array(1024);
  private nnz = 0;

  constructor(columns: number) {
    this.columns = columns;
    this.cost = new Float64Array(columns);
    this.upper = new Float64Array(columns).fill(1);
  }

  row(lower: number, upper: number): void {
    this.rowStart.push(this.nnz);
    this.lower.push(lower);
    this.upperRow.push(upper);
  }

  entry(column: number, value: number): void {
    if (this.nnz === this.index.length) {
      const index = new Int32Array(this.nnz * 2),
        v = new Float64Array(this.nnz * 2);
      index.set(this.index);
      v.set(this.value);
      this.index = index;
      this.value = v;
    }
    this.index[this.nnz] = column;
    this.value[this.nnz++] = value;
  }

  /** The first `integers` columns (the y) are binary. */
  done(sense: MipModel['sense'], offset: number, integers: number): MipModel {
    const integer = new Uint8Array(this.columns);
    integer.fill(1, 0, integers);
    return {
      sense,
      offset,
      colCost: this.cost,
      colLower: new Float64Array(this.columns),
      colUpper: this.upper,
      integer,
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.upperRow),
      rowStart: Int32Array.from([...this.rowStart, this.nnz]),
      index: this.index.slice(0, this.nnz),
      value: this.value.slice(0, this.nnz),
    };
  }
}
