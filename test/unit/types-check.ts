import type { Facility, Unit } from '../../shared/model/index.ts';
const f: Facility = null as unknown as Facility;
const id: string = f.id;
const b: number | null = f.beds_open;
const t: 'chc' | string = f.type;
const u: Unit = null as unknown as Unit;
const urban: boolean = u.urban;
const pc: string | null = u.parent_code;
// @ts-expect-error id is never null
const bad: null = f.id;
export { id, b, t, urban, pc, bad };
