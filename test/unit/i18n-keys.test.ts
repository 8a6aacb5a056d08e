// One i18n (issue 15): UI strings are reached by typed keys, and the English has exactly the Chinese keys.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/ui/i18n/en.ts';
import { zhCN } from '../../renderer/ui/i18n/zh-CN.ts';
import { tIn, type Key, type KeyIn } from '../../renderer/ui/i18n/keys.ts';
import { tr } from '../../renderer/ui/wording/vocabulary.ts';

beforeAll(async () => {
  await i18next.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

const leaves = (o: object, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : leaves(v as object, `${p}${k}.`)));

// Compile-time: a key that does not exist is an error (tsc -p tsconfig.json checks this file).
// @ts-expect-error no such key
const nope: Key = 'gaps.nope';
// @ts-expect-error keys under a prefix are written without it
const prefixed: KeyIn<'gaps'> = 'gaps.summary.title';
const fine: KeyIn<'gaps'> = 'summary.title';

describe('the UI strings', () => {
  it('have the same keys in English as in Chinese (English may add a `_one` singular beside a key)', () => {
    const zh = leaves(zhCN);
    const enKeys = leaves(en);
    expect(enKeys.filter((k) => !k.endsWith('_one')).sort()).toEqual([...zh].sort());
    for (const k of enKeys.filter((x) => x.endsWith('_one'))) expect(zh).toContain(k.slice(0, -4));
    expect(zh.length).toBeGreaterThan(1000);
  });
  it('name every kind of target in the standards dialog (count and pooled_share were missing: the card showed the key)', () => {
    expect(tIn('zh-CN', 'standards.kind.count')).toBe('机构数量');
    expect(tIn('en', 'standards.kind.pooled_share')).toBe('Pooled share');
  });
  it('are reached by the typed helpers in either language', () => {
    expect(tr('zh-CN', fine)).toBe('概况');
    expect(tr('en', fine)).toBe('Overview');
    expect([nope, prefixed]).toHaveLength(2);
  });
});
