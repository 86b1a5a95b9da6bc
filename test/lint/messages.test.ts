/**
 * One message system: every text of the program is in db/core/messages/{ar,en}.json. A message
 * typed in the code as an `{ ar: '…', en: '…' }` pair is what the message files replaced; the
 * demo portfolio's own data (names of places and initiatives) is data, not messages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });

describe('lint/messages', () => {
  it('finds no message typed in the code as an Arabic and English pair', () => {
    const pair = /\bar:\s*(['"`])[^'"`]*[\u0600-\u06FF][^'"`]*\1\s*,\s*en:\s*['"`]/;
    const found = ['db', 'electron', 'renderer']
      .flatMap((d) => files(join(ROOT, d)))
      .filter((f) => !relative(ROOT, f).startsWith(join('db', 'demo')))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return [...text.matchAll(new RegExp(pair, 'g'))].map(
          (m) => `${relative(ROOT, f)}:${text.slice(0, m.index).split('\n').length}`,
        );
      });
    expect(found).toEqual([]);
  });

  it('catches such a pair (the probe)', () => {
    const pair = /\bar:\s*(['"`])[^'"`]*[\u0600-\u06FF][^'"`]*\1\s*,\s*en:\s*['"`]/;
    expect(pair.test("throw invalid({ ar: 'الرمز مطلوب.', en: 'A code is required.' });")).toBe(true);
    expect(pair.test('throw invalid({\n  ar: `الرمز ${x} مطلوب.`,\n  en: `A code is required.`,\n});')).toBe(true);
  });
});
