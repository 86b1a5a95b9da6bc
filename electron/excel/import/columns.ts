/**
 * Numbers read by their whole column, not cell by cell. Two things a cell cannot say alone:
 * whether `1.234` is a decimal or thousands (Maghreb registers write 1.234,56, Egyptian ones
 * 1,234.56), and whether progress 1 is 1 % or 100 % (a column of 0.45, 0.8, 1 holds fractions).
 * A cell that needs its column is held until the column decides it: progress as soon as a value
 * above 1 is seen, a decimal mark only once the column has been read to the end.
 */
import type { Bilingual } from '../../../db/core/errors';
import { bilingual } from '../../../db/core/messages';
import type { Field } from './fields';
import { type CellValue, type Mark, readNumberText, shown } from './values';

export type NumberKind = 'money' | 'count' | 'progress';

export type Outcome =
  | { ok: true; value: number; warning?: Bilingual }
  | { ok: false; message: Bilingual }
  /** The cell needs the rest of its column: read it again with `final`. */
  | { hold: true };

const fail = (message: Bilingual): Outcome => ({ ok: false, message });

export interface NumberColumns {
  /** A numeric cell of `field`; before `final`, what it proves is kept as evidence for its column. */
  read(field: Field, kind: NumberKind, raw: CellValue, final: boolean): Outcome;
}

export function numberColumns(currencyDigits: number): NumberColumns {
  const marks = new Map<Field, Record<Mark, number>>();
  const sheetMarks: Record<Mark, number> = { '.': 0, ',': 0 };
  /** A progress column holding a plain number above 1 is in percent; one that does not, in fractions. */
  let progressAboveOne = false;

  const note = (field: Field, mark: Mark) => {
    const m = marks.get(field) ?? { '.': 0, ',': 0 };
    marks.set(field, m);
    m[mark] += 1;
    sheetMarks[mark] += 1;
  };
  /** The decimal mark its column (or, where the column says nothing, the sheet) proves; null when none or both. */
  const decimalMark = (field: Field): Mark | null => {
    for (const m of [marks.get(field), sheetMarks]) {
      if (!m || m['.'] + m[','] === 0) continue;
      return m['.'] > 0 && m[','] > 0 ? null : m['.'] > 0 ? '.' : ',';
    }
    return null;
  };

  return {
    read(field, kind, raw, final) {
      if (raw === null) return { ok: true, value: 0 };
      if (typeof raw === 'boolean' || raw instanceof Date) return fail(badValue(kind, raw));
      let value: number;
      let percent = false;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) return fail(badValue(kind, raw));
        value = raw;
      } else {
        const n = readNumberText(raw);
        if (!n || (n.percent && kind !== 'progress')) return fail(badValue(kind, raw));
        percent = n.percent;
        if (n.kind === 'number') {
          if (n.decimal && !final) note(field, n.decimal);
          value = n.value;
        } else {
          // Which readings the field allows: a count is whole; progress is at most 100; an
          // amount has no more decimals than the office's currency.
          const asDecimalOk = kind === 'progress' || (kind === 'money' && currencyDigits >= 3);
          const asThousandsOk = kind !== 'progress';
          if (asDecimalOk && asThousandsOk) {
            if (!final) return { hold: true };
            const mark = decimalMark(field);
            if (!mark) {
              return fail(
                bilingual('cells.ambiguousNumber', {
                  value: raw,
                  asDecimal: String(n.asDecimal),
                  asThousands: String(n.asThousands),
                }),
              );
            }
            value = mark === n.mark ? n.asDecimal : n.asThousands;
          } else value = asDecimalOk ? n.asDecimal : n.asThousands;
        }
      }
      if (kind !== 'progress') return { ok: true, value };

      if (percent) return { ok: true, value };
      if (value > 1) {
        if (!final) progressAboveOne = true;
        return { ok: true, value };
      }
      if (value <= 0) return { ok: true, value };
      // Only a later value above 1 could change how this one reads: once one was seen, it is read now.
      if (!final && !progressAboveOne) return { hold: true };
      if (!progressAboveOne || value === 1) return { ok: true, value: progressAboveOne ? 1 : value * 100 };
      // A fraction among percentages: 0.5 % of an initiative is not a progress anyone reports,
      // half of it is; read so, and said.
      return {
        ok: true,
        value: value * 100,
        warning: bilingual('cells.progressAsFraction', { value: shown(raw), percent: String(Math.round(value * 100)) }),
      };
    },
  };
}

function badValue(kind: NumberKind, raw: CellValue): Bilingual {
  if (kind === 'money') return bilingual('cells.badAmount', { value: shown(raw) });
  if (kind === 'count') return bilingual('cells.badCount', { value: shown(raw) });
  return bilingual('cells.badPercent');
}
