/** Option values several commands read the same way: lists, facility types, urban/rural pairs. */
import type { TravelModes } from '../../shared/access/travel.ts';
import { FACILITY_TYPES, type FacilityType } from '../../shared/model/kinds.ts';
import { UsageError } from './output.ts';

/** "a, b,c" → ['a', 'b', 'c']; absent → []. */
export const list = (v: string | boolean | undefined): string[] => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

export function facilityTypes(v: string[], flag: string): FacilityType[] {
  const bad = v.find((x) => !(FACILITY_TYPES as readonly string[]).includes(x));
  if (bad) throw new UsageError(`${flag}: "${bad}" is not a facility type (${FACILITY_TYPES.join(', ')})`);
  return v as FacilityType[];
}

/** "urban=10,rural=30" → the urban and rural limits given (minutes, or km for a radius). */
export function urbanRural(v: string | boolean | undefined, usage: string): { urbanMinutes?: number; ruralMinutes?: number } {
  const out: { urbanMinutes?: number; ruralMinutes?: number } = {};
  for (const part of list(v)) {
    const [k, raw] = part.split('=');
    const n = Number(raw);
    if (!(n > 0) || (k !== 'urban' && k !== 'rural')) throw new UsageError(usage);
    if (k === 'urban') out.urbanMinutes = n; else out.ruralMinutes = n;
  }
  return out;
}

/** --travel drive | walk | urban-walk (on foot in town, by car in the country); absent → undefined (the preset's). */
export function travelOption(v: string | boolean | undefined, flag = '--travel'): TravelModes | undefined {
  if (v === undefined) return undefined;
  if (v === 'drive' || v === 'walk') return { urban: v, rural: v };
  if (v === 'urban-walk') return { urban: 'walk', rural: 'drive' };
  throw new UsageError(`${flag}: drive (by car, default) | walk (on foot, 4.8 km/h, no motorways or trunk roads) | urban-walk (on foot in town, by car in the country)`);
}
