/**
 * How alike two names are, after the Arabic folds: for "did you mean «إقليم الصعيد»?" when an
 * imported register spells a place its own way, and for titles that share their words.
 */
import { normalizeArabic, toWesternDigits } from './normalize';

/** Words that say what kind of place a name is, not which one: «إقليم الصعيد» is «الصعيد». */
const PLACE_WORDS = new Set(
  [
    'اقليم',
    'محافظه',
    'منطقه',
    'مدينه',
    'مركز',
    'ولايه',
    'بلديه',
    'تجمع',
    'region',
    'governorate',
    'province',
    'district',
    'cluster',
    'wilaya',
    'province',
    'commune',
    'region',
    'pole',
  ].map(normalizeArabic),
);

/** A name's words, folded, with the Arabic article and the kind-of-place words left out. */
export function nameWords(name: string): string[] {
  return normalizeArabic(toWesternDigits(name))
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .map((w) => (w.length > 4 && w.startsWith('ال') ? w.slice(2) : w))
    .filter((w) => w && !PLACE_WORDS.has(w));
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** 1 for the same name however spelt, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const x = nameWords(a).join(' ');
  const y = nameWords(b).join(' ');
  if (!x || !y) return 0;
  if (x === y) return 1;
  // One name is the other with words added («الصعيد» and «صعيد مصر»): close.
  const xs = new Set(x.split(' '));
  const ys = y.split(' ');
  const shared = ys.filter((w) => xs.has(w)).length;
  if (shared > 0 && (shared === xs.size || shared === ys.length)) return 0.9;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

/** The likeliest existing name a new one means, or null when none is close enough to ask. */
export function nearestName(name: string, candidates: readonly string[], threshold = 0.7): string | null {
  let best: string | null = null;
  let score = threshold;
  for (const c of candidates) {
    const s = nameSimilarity(name, c);
    if (s >= score && (s > score || best === null)) {
      best = c;
      score = s;
    }
  }
  return best;
}
