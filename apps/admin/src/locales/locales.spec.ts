import { ErrorCode, ROLES, UNIT_KINDS } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function lookUp(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

const vi = messages['vi-VN'] as unknown as Tree;
const en = messages['en-US'] as unknown as Tree;

/** The console's own sources, read as text by Vite. */
const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('locales', () => {
  it('has the same feature keys in English as in Vietnamese', () => {
    const withoutErrors = (keys: string[]) => keys.filter((k) => !k.startsWith('errors.'));

    expect(withoutErrors(keysOf(en)).sort()).toEqual(withoutErrors(keysOf(vi)).sort());
  });

  it('says every error of the API in English too, not falling back to Vietnamese', () => {
    const missing = Object.values(ErrorCode).filter(
      (code) => typeof lookUp(en, `errors.${code}`) !== 'string',
    );

    expect(missing).toEqual([]);
  });

  it('labels every role and unit kind in both languages', () => {
    for (const tree of [vi, en]) {
      for (const role of ROLES) expect(lookUp(tree, `roles.${role}`), role).toBeTypeOf('string');
      for (const kind of UNIT_KINDS) {
        expect(lookUp(tree, `unitKinds.${kind}`), kind).toBeTypeOf('string');
      }
    }
  });

  it('has a Vietnamese message for every literal key the code uses', () => {
    const pattern = /\$?\bt\(\s*'([A-Za-z0-9_.]+)'/g;
    const keyProps = /(?:labelKey|titleKey):\s*'([A-Za-z0-9_.]+)'/g;
    const missing: string[] = [];
    let found = 0;
    for (const [file, text] of Object.entries(sources)) {
      for (const regex of [pattern, keyProps]) {
        for (const match of text.matchAll(regex)) {
          found += 1;
          const key = match[1] as string;
          if (typeof lookUp(vi, key) !== 'string') missing.push(`${file}: ${key}`);
        }
      }
    }

    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('uses no message syntax characters by accident', () => {
    // vue-i18n treats @ | { } $ specially; only {placeholders} are meant here.
    const bad = keysOf(vi).filter((key) => {
      const text = lookUp(vi, key) as string;
      return /[@|$]/.test(text) || /\{(?![A-Za-z]+\})/.test(text);
    });

    expect(bad).toEqual([]);
  });
});
