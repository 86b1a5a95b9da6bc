import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Formatter, makeFormatter } from '../../db/core/format';
import { useStore } from '../stores';

export function useFormatter(): Formatter {
  const language = useStore((s) => s.language);
  const digits = useStore((s) => s.settings.digits);
  const currencyCode = useStore((s) => s.settings.currencyCode);
  const currencyDigits = useStore((s) => s.settings.currencyDigits);
  return useMemo(
    () => makeFormatter(language, { digits, currencyCode, currencyDigits }),
    [language, digits, currencyCode, currencyDigits],
  );
}

/** The axis's short name in the current language. */
export function useAxisName(): (id: number, full?: boolean) => string {
  const axes = useStore((s) => s.axes);
  const language = useStore((s) => s.language);
  // Kept while the language and axes stay, so lists that depend on it are not rebuilt.
  return useCallback(
    (id: number, full = false) => {
      const a = axes.find((x) => x.id === id);
      if (!a) return String(id);
      if (language === 'ar') return full ? a.nameAr : a.shortAr;
      return full ? a.nameEn : a.shortEn;
    },
    [axes, language],
  );
}

/** A record's name in the current language, falling back to Arabic where no English is kept. */
export function useLocalName(): (x: { nameAr: string; nameEn: string }) => string {
  const language = useStore((s) => s.language);
  return useCallback(
    (x: { nameAr: string; nameEn: string }) => (language === 'en' && x.nameEn ? x.nameEn : x.nameAr),
    [language],
  );
}

/** A matrix row's name: its cluster's, or "Region-wide" for its region's row of initiatives without a cluster. */
export function useRowName(): (r: {
  clusterId: string | null;
  clusterNameAr: string;
  clusterNameEn: string;
}) => string {
  const localName = useLocalName();
  const { t } = useTranslation();
  return useCallback(
    (r: { clusterId: string | null; clusterNameAr: string; clusterNameEn: string }) =>
      r.clusterId ? localName({ nameAr: r.clusterNameAr, nameEn: r.clusterNameEn }) : t('matrix.regionWideRow'),
    [localName, t],
  );
}
