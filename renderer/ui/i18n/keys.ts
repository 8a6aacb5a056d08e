/**
 * The UI strings' keys as types. `Key` is every leaf of zh-CN.ts written with dots (`gaps.summary.title`);
 * `useLang().t`, `tr`, `ct`, `bt`, `gt` accept only those, so `t('gaps.nope')` is a compile error and a
 * dynamic key (`status.${s}`) must be typed by its union.
 *
 * Not i18next's own `CustomTypeOptions`: with our ~1,500 keys its key and interpolation types ran
 * `tsc -p tsconfig.renderer.json` past 9 minutes and 5 GB (23 s without); this union costs nothing.
 */
import i18next from 'i18next';
import type { zhCN } from './zh-CN.ts';

export type Strings = typeof zhCN;

/** `a.b.c` for every string leaf of T. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Key = Leaves<Strings>;
/** The keys under a prefix, without it: KeyIn<'gaps'> has 'summary.title'. */
export type KeyIn<P extends string> = Under<Key, P>;
type Under<K, P extends string> = K extends `${P}.${infer R}` ? R : never;

/** Interpolation values, `count` (plural), `lng`. */
export type TOptions = Record<string, unknown>;
export type TFn = (key: Key, opts?: TOptions) => string;

/** i18next's `t` outside React, in the given language. */
export const tIn = (lang: string, key: Key, opts: TOptions = {}): string => (i18next.t as (k: string, o: TOptions) => string)(key, { ...opts, lng: lang });

/** A `t` for the keys under one prefix: `const tr = tUnder('gaps')`, `tr(lang, 'summary.title')`. */
export const tUnder =
  <P extends string>(prefix: P) =>
  (lang: string, key: KeyIn<P>, opts: TOptions = {}): string =>
    tIn(lang, `${prefix}.${key}` as Key, opts);
