/** Option values several commands read the same way: lists, facility types, urban/rural pairs. */
import { parseArgs } from 'node:util';
import type { TravelModes } from '../../shared/access/travel.ts';
import { FACILITY_TYPES, type FacilityType } from '../../shared/model/kinds.ts';
import type { CliService, Command } from './api.ts';
import { UsageError, type Lang } from './output.ts';

/** A command's arguments as its flags (and --help) read them: the values each command's run() takes, and the file(s). */
export function parseFlags(command: Pick<Command, 'options'>, args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  return parseArgs({ args, allowPositionals: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
}

/** A flag that takes one of a few words: the word, typed; absent → undefined (the schema's default, or the command's). */
export function choice<T extends string>(v: string | boolean | undefined, words: readonly T[], usage: string): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(words as readonly string[]).includes(v)) throw new UsageError(usage);
  return v as T;
}

/** "a, b,c" → ['a', 'b', 'c']; absent → []. */
export const list = (v: string | boolean | undefined): string[] =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

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
    if (k === 'urban') out.urbanMinutes = n;
    else out.ruralMinutes = n;
  }
  return out;
}

/** --travel drive | walk | urban-walk (on foot in town, by car in the country); absent → undefined (the preset's). */
export function travelOption(v: string | boolean | undefined, flag = '--travel'): TravelModes | undefined {
  if (v === undefined) return undefined;
  if (v === 'drive' || v === 'walk') return { urban: v, rural: v };
  if (v === 'urban-walk') return { urban: 'walk', rural: 'drive' };
  throw new UsageError(
    `${flag}: drive (by car, default) | walk (on foot, 4.8 km/h, no motorways or trunk roads) | urban-walk (on foot in town, by car in the country)`,
  );
}

/** --year Y: a year, 2000–2100; absent → undefined (the plan's target year). */
export function yearOption(v: string | boolean | undefined, flag = '--year'): number | undefined {
  if (v === undefined) return undefined;
  const y = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`${flag}: a year, 2000–2100 (e.g. 2025)`);
  return y;
}

/**
 * --within/--exclude: unit codes or exact names of the scenario's units, checked before anything runs;
 * an unknown or ambiguous one is a usage error that names it (and says who has that name).
 */
export async function unitNames(svc: CliService, scenarioId: number, v: string | boolean | undefined, flag: string, lang: Lang): Promise<string[]> {
  const names = list(v);
  if (!names.length) return names;
  const units = await svc.call('units.list', { scenarioId });
  for (const n of names) {
    if (units.some((u) => u.code === n)) continue;
    const named = units.filter((u) => u.name === n);
    if (named.length === 1) continue;
    throw new UsageError(
      named.length > 1
        ? lang === 'en'
          ? `${flag}: several units are named "${n}" (${named.map((u) => u.code).join(', ')}): use the code`
          : `${flag}：有多个名为「${n}」的单位（${named.map((u) => u.code).join('、')}），请用区划代码`
        : lang === 'en'
          ? `${flag}: no unit "${n}" in the plan (a code or an exact name)`
          : `${flag}：方案中没有「${n}」（请用区划代码或准确名称）`,
    );
  }
  return names;
}
