/**
 * The classification assistant: axes proposed for an initiative not yet classified, each with
 * its reason, from two sources. The axes' own words in the source text (their names and
 * descriptions, AXES; a word found under few axes weighs more), with a short list of the words
 * clerks use for the same ideas in Arabic, French and English; and the office's initiatives
 * already classified whose titles share words with this one. Pure: it proposes, the user decides.
 */
import { AXES, AXIS_IDS } from './axes';
import { foldAccents, normalizeArabic, toWesternDigits } from './normalize';

/** Why an axis is proposed: a word of the axis's own, or a classified initiative with a similar title. */
export type Reason = { kind: 'term'; word: string } | { kind: 'similar'; code: string; title: string };

export interface Proposal {
  axis: number;
  score: number;
  reasons: Reason[];
}

/** Words of a title that carry no subject (articles, prepositions, "programme", place words). */
const STOP = new Set(
  [
    'في',
    'من',
    'على',
    'الى',
    'إلى',
    'عن',
    'مع',
    'و',
    'او',
    'ذات',
    'لل',
    'برنامج',
    'مشروع',
    'مبادره',
    'اقليم',
    'محافظه',
    'جديد',
    'جديده',
    'the',
    'of',
    'for',
    'and',
    'in',
    'to',
    'a',
    'des',
    'de',
    'du',
    'la',
    'le',
    'les',
    'et',
    'en',
    'pour',
    'au',
    'aux',
    'programme',
    'program',
    'project',
    'projet',
  ].map((w) => normalizeArabic(w)),
);

/**
 * A word reduced to a light stem: the Arabic article and attached particles, the common plural
 * and feminine endings; Latin accents and a plural s. Enough for «التدريب», «تدريب», «والتدريب»
 * and «تدريبات» to meet, and «formations» and «formation».
 */
export function stem(word: string): string {
  let w = foldAccents(normalizeArabic(toWesternDigits(word)));
  if (/[\u0600-\u06ff]/.test(w)) {
    for (const p of ['وال', 'بال', 'فال', 'كال', 'لل', 'ال']) {
      if (w.startsWith(p) && w.length - p.length >= 3) {
        w = w.slice(p.length);
        break;
      }
    }
    if (w.length > 4 && w.startsWith('و')) w = w.slice(1);
    for (const s of ['يات', 'ات', 'ين', 'ون', 'يه', 'ه', 'ي']) {
      if (w.endsWith(s) && w.length - s.length >= 3) {
        w = w.slice(0, -s.length);
        break;
      }
    }
    return w;
  }
  return w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w;
}

/** A text's subject words, stemmed, each once. */
export function words(text: string): string[] {
  const out = new Set<string>();
  for (const raw of normalizeArabic(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    const s = stem(raw);
    if (s.length >= 3 && !STOP.has(s)) out.add(s);
  }
  return [...out];
}

/**
 * Words clerks write for an axis's idea that its own text does not use (the source text says
 * «التدريب»; registers also say «تأهيل», «ورشة عمل», «formation»). Each stands for its axis.
 */
const CLERK_WORDS: Record<number, string[]> = {
  1: ['جودة', 'مواصفات', 'إنتاجية', 'معمل', 'اختبار', 'qualité', 'quality', 'productivité', 'productivity', 'normes'],
  2: ['تصدير', 'تصديرية', 'مستورد', 'إحلال', 'تكلفة', 'export', 'exportation', 'import', 'coût', 'cost', 'valeur'],
  3: ['علامة', 'تجارية', 'معرض', 'تسويق', 'سلاسل', 'brand', 'label', 'marque', 'foire', 'fair', 'salon', 'marketing'],
  4: ['حاضنة', 'تمويل', 'قرض', 'قروض', 'مجمع', 'incubateur', 'incubator', 'financement', 'microcrédit', 'loan'],
  5: ['تدريب', 'تأهيل', 'دورة', 'دورات', 'مهارات', 'formation', 'training', 'apprentissage', 'skills', 'atelier'],
  6: ['تراث', 'تراثية', 'توثيق', 'تقليدية', 'حرفية', 'patrimoine', 'heritage', 'traditionnel', 'artisanat', 'craft'],
  7: ['تقنين', 'ترخيص', 'منظمة', 'عشوائية', 'رسمي', 'مطابقة', 'informel', 'informal', 'licence', 'formalisation'],
};

/** Each stem's weight per axis, from the axes' own texts and the clerks' words. */
const TERMS: Map<string, Map<number, { weight: number; word: string }>> = (() => {
  const perAxis = new Map<number, Map<string, string>>();
  for (const a of AXES) {
    const own = new Map<string, string>();
    for (const text of [
      a.shortAr,
      a.nameAr,
      a.descriptionAr,
      a.shortEn,
      a.nameEn,
      a.descriptionEn,
      ...CLERK_WORDS[a.id]!,
    ]) {
      // Split as written, so a reason shows the word as the source text spells it.
      for (const raw of text.split(/[^\p{L}\p{M}\p{N}]+/u)) {
        const s = words(raw)[0];
        if (s && !own.has(s)) own.set(s, raw);
      }
    }
    perAxis.set(a.id, own);
  }
  const out = new Map<string, Map<number, { weight: number; word: string }>>();
  for (const [axis, own] of perAxis) {
    for (const [s, word] of own) {
      const under = [...perAxis.values()].filter((m) => m.has(s)).length;
      const entry = out.get(s) ?? new Map<number, { weight: number; word: string }>();
      // A word under one axis says much; a word under all seven says nothing.
      entry.set(axis, { weight: Math.log(8 / under), word });
      out.set(s, entry);
    }
  }
  return out;
})();

/** An initiative the office has classified, as the assistant learns from it. */
export interface Classified {
  code: string;
  title: string;
  axes: readonly number[];
}

export interface Classifier {
  propose(title: string, description?: string): Proposal[];
}

/** Learns the office's classified initiatives once; proposes for any number of titles. */
export function classifier(classified: readonly Classified[]): Classifier {
  const docs = classified.filter((c) => c.axes.length > 0).map((c) => ({ ...c, words: new Set(words(c.title)) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((docs.length + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const byWord = new Map<string, number[]>();
  docs.forEach((d, k) => {
    for (const w of d.words) {
      const list = byWord.get(w);
      if (list) list.push(k);
      else byWord.set(w, [k]);
    }
  });

  return {
    propose(title, description = '') {
      const mine = words(`${title} ${description}`);
      const scores = new Map<number, Proposal>();
      const add = (axis: number, score: number, reason: Reason) => {
        const p = scores.get(axis) ?? { axis, score: 0, reasons: [] };
        p.score += score;
        if (p.reasons.length < 3) p.reasons.push(reason);
        scores.set(axis, p);
      };
      for (const w of mine) {
        for (const [axis, t] of TERMS.get(w) ?? []) add(axis, t.weight, { kind: 'term', word: t.word });
      }
      // The nearest classified titles (shared words weighed by rarity) vote for their axes.
      const near = new Map<number, number>();
      for (const w of mine) for (const k of byWord.get(w) ?? []) near.set(k, (near.get(k) ?? 0) + idf(w));
      const self = mine.reduce((s, w) => s + idf(w), 0) || 1;
      [...near]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .forEach(([k, shared]) => {
          const d = docs[k]!;
          const similarity = shared / self;
          for (const axis of d.axes) add(axis, 2 * similarity, { kind: 'similar', code: d.code, title: d.title });
        });
      return [...scores.values()].filter((p) => AXIS_IDS.includes(p.axis as never)).sort((a, b) => b.score - a.score);
    },
  };
}
