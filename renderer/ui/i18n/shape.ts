/**
 * The shape the English strings must have: every key of the Chinese with a string, and `<key>_one`
 * beside a key for an English singular (i18next picks it by `count`). A missing or extra English key
 * is a compile error, in en.ts and in each screen's strings/<screen>.ts (through `screenStrings`).
 */
export type English<T> = {
  [K in keyof T]: T[K] extends string ? string : English<T[K]>;
} & { [K in keyof T & string as T[K] extends string ? `${K}_one` : never]?: string };

/** A screen's strings, both languages: the English must have exactly the Chinese keys (plus `_one` singulars). */
export const screenStrings = <const Z extends object>(s: { zh: Z; en: English<NoInfer<Z>> }): { zh: Z; en: English<Z> } => s as { zh: Z; en: English<Z> };
