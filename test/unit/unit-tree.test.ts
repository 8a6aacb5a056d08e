import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model/entities.ts';
import { buildUnitTree, type UnitNode } from '../../renderer/features/units/unitTree.ts';

const unit = (code: string, parent_code: string | null) => ({ code, name: code, parent_code }) as unknown as Unit;

/** Every node once, as code(children…); throws on a node met twice (a loop). */
function shape(nodes: UnitNode[] | undefined, seen = new Set<string>()): string {
  return (nodes ?? [])
    .map((n) => {
      if (seen.has(n.code)) throw new Error(`${n.code} twice`);
      seen.add(n.code);
      return n.children ? `${n.code}(${shape(n.children, seen)})` : n.code;
    })
    .join(' ');
}

describe('buildUnitTree', () => {
  it('nests children under their parents in list order; a missing or own parent makes a root', () => {
    const tree = buildUnitTree([unit('C', null), unit('C1', 'C'), unit('C2', 'C'), unit('S', 'C1'), unit('X', 'gone'), unit('Y', 'Y')]);
    expect(shape(tree)).toBe('C(C1(S) C2) X Y');
  });

  it('shows the units of a parent loop, once each, from one root per loop', () => {
    const tree = buildUnitTree([unit('R', null), unit('A', 'B'), unit('B', 'A'), unit('T', 'A'), unit('P', 'Q'), unit('Q', 'O'), unit('O', 'P')]);
    expect(shape(tree)).toBe('R A(B T) P(O(Q))');
  });

  it('keeps a unit hanging off a loop under its parent', () => {
    const tree = buildUnitTree([unit('T', 'A'), unit('A', 'B'), unit('B', 'A')]);
    expect(shape(tree)).toBe('A(T B)');
  });
});
