/**
 * How many bytes the web door reads of one API request, decided by the method before the body is read.
 * Files travel as base64 in JSON (FileBytes), so an import of a file of N bytes sends about 4N/3:
 * the 100,000-facility .xlsx of the benchmarks (11.8 MB) sends 16 MB, 200,000 GeoJSON road features
 * (51 MB) send 68 MB, and a province's .osm.pbf (tens of MB to ~150 MB) up to ~200 MB.
 */
import type { z } from 'zod';
import { API, isApiMethod } from '../../shared/api/contract.ts';
import { FileBytes } from '../../shared/api/schemas.ts';

const MB = 1024 * 1024;
/** Methods carrying a file: a file of up to 192 MB (256 MB as base64). Larger road networks: the CLI. */
export const FILE_BODY_LIMIT = 256 * MB;
/** Methods carrying long lists (populations.set's 100,000 figures, allocation lines, candidate sites). */
export const LIST_BODY_LIMIT = 64 * MB;
/** Every other call (and an unknown method, refused anyway): a few short fields. */
export const SMALL_BODY_LIMIT = 1 * MB;

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
/** The base64 field of FileBytes, which `.extend` keeps as the same schema. */
const FILE_DATA = (defOf(FileBytes).shape as Record<string, unknown>).dataBase64;

/**
 * What a schema may carry: a file, a long list (an array of more than 1000 items or of no stated maximum, a
 * record), or only fields and short lists (1 MB holds them: a single text field, even unbounded, is typed by a person).
 */
function weigh(schema: z.ZodType, seen = new Set<unknown>()): 'file' | 'list' | 'small' {
  // FileBytes itself, or extended with a file's options (a mapping, a worksheet: sheets.ts's MappedFile)
  if (schema === FileBytes || (defOf(schema).type === 'object' && (defOf(schema).shape as Record<string, unknown>).dataBase64 === FILE_DATA)) return 'file';
  if (seen.has(schema)) return 'small';
  seen.add(schema);
  const d = defOf(schema);
  const inner: unknown[] = [];
  let own: 'list' | 'small' = 'small';
  switch (d.type) {
    case 'object':
      inner.push(...Object.values(d.shape as Record<string, unknown>));
      break;
    case 'array': {
      const max = (d.checks as { _zod: { def: { check: string; maximum?: number } } }[] | undefined)?.find((c) => c._zod.def.check === 'max_length')?._zod.def
        .maximum;
      if (max === undefined || max > 1000) own = 'list';
      inner.push(d.element);
      break;
    }
    case 'record':
      own = 'list';
      inner.push(d.valueType);
      break;
    case 'union':
      inner.push(...(d.options as unknown[]));
      break;
    case 'intersection':
      inner.push(d.left, d.right);
      break;
    case 'tuple':
      inner.push(...(d.items as unknown[]));
      break;
    case 'pipe':
      inner.push(d.in);
      break;
    case 'lazy':
      inner.push((d.getter as () => unknown)());
      break;
    default:
      if (d.innerType) inner.push(d.innerType); // optional, nullable, default, catch, readonly …
  }
  let w: 'file' | 'list' | 'small' = own;
  for (const s of inner) {
    const x = weigh(s as z.ZodType, seen);
    if (x === 'file') return 'file';
    if (x === 'list') w = 'list';
  }
  return w;
}

const LIMIT = { file: FILE_BODY_LIMIT, list: LIST_BODY_LIMIT, small: SMALL_BODY_LIMIT } as const;
const cache = new Map<string, number>();

/** The most bytes a request body for `method` may hold. */
export function bodyLimit(method: string): number {
  if (!isApiMethod(method)) return SMALL_BODY_LIMIT;
  let n = cache.get(method);
  if (n === undefined) cache.set(method, (n = LIMIT[weigh(API[method].args)]));
  return n;
}
