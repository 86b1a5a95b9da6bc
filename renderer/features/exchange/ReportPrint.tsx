import { CacheProvider } from '@emotion/react';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { AXES } from '../../../db/core/axes';
import { reportCharts } from '../../../db/core/charts';
import type { Logo } from '../../../db/core/logo';
import { isGap, rowBucket, cellBucket, valueOf } from '../../../db/core/measures';
import { fill, MESSAGES } from '../../../db/core/messages';
import { longDate, periodDays, periodName } from '../../../db/core/report-text';
import type { ReportData } from '../../../db/core/results';
import { call } from '../../api';
import { makeFormatter } from '../../../db/core/format';
import { caches } from '../../theme';
import { useStore } from '../../stores';
import type { PrintRequest } from '../../stores/ui';
import { downloadBlob, today } from '../../components/files';

/**
 * The ministry report laid out for A4: the cover to sign, the summary with its charts, the
 * matrix, the register by region and the health findings, in the report's language and
 * direction. Electron turns it into a PDF (printToPDF); a browser prints it with its own dialog.
 * The figures are the workbook's: both come from the same `report.get`.
 */
export function ReportPrint({ request }: { request: PrintRequest }) {
  const print = useStore((s) => s.print);
  const fail = useStore((s) => s.fail);
  const ui = MESSAGES[useStore((s) => s.language)].exchange;
  const [data, setData] = useState<ReportData | null>(null);
  const [logo, setLogo] = useState<Logo | null>(null);
  useEffect(() => {
    Promise.all([
      call('report.get', {
        ...(request.period ? { period: request.period } : {}),
        ...(request.regionId ? { regionId: request.regionId } : {}),
      }),
      call('logo.get', {}),
    ])
      .then(([d, l]) => {
        setData(d);
        setLogo(l.logo);
      })
      .catch(fail);
  }, [request, fail]);

  const savePdf = async () => {
    if (!window.api?.printPdf) {
      window.print();
      return;
    }
    try {
      const bytes = await window.api.printPdf();
      const base = request.lang === 'ar' ? 'تقرير-المحفظة' : 'portfolio-report';
      downloadBlob(
        new Blob([bytes as BlobPart], { type: 'application/pdf' }),
        `${base}-${request.period ? `${request.period}-` : ''}${today()}.pdf`,
      );
    } catch (e) {
      fail(e);
    }
  };

  return (
    // Styles as written: the report has its own direction, whatever the interface's.
    <CacheProvider value={caches.ltr}>
      <GlobalStyles styles={PRINT_CSS} />
      <Stack
        direction="row"
        spacing={1}
        className="no-print"
        sx={{
          p: 2,
          position: 'sticky',
          top: 0,
          bgcolor: 'background.paper',
          zIndex: 1,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Button variant="contained" onClick={() => void savePdf()} data-testid="print-now" disabled={!data}>
          {ui.printNow}
        </Button>
        <Button onClick={() => print(null)} data-testid="print-back">
          {ui.back}
        </Button>
      </Stack>
      {data ? (
        <Report data={data} logo={logo} lang={request.lang} />
      ) : (
        <Typography sx={{ p: 2 }}>{ui.printLoading}</Typography>
      )}
    </CacheProvider>
  );
}

/** The print layout: A4 portrait for the cover and summary, landscape for the wide tables. */
const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
@media print { .no-print { display: none !important; } body { background: white; } }
.report { font-family: "Noto Sans Arabic", Arial, sans-serif; color: #1f2a2a; max-width: 1100px; margin: 0 auto; padding: 8px 16px; background: white; }
.report section + section { break-before: page; }
.report .wide { page: wide; }
.report table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-block: 6px; }
.report th, .report td { border: 1px solid #8a9998; padding: 2px 5px; vertical-align: top; }
.report th { background: #0b5d5a; color: white; font-weight: 700; text-align: center; vertical-align: middle; }
.report thead { display: table-header-group; }
.report tr { break-inside: avoid; }
.report .num { text-align: right; white-space: nowrap; }
.report .band td { background: #e3efee; font-weight: 700; }
.report .total td { background: #cfe3e1; font-weight: 700; }
.report tbody.keep { break-inside: avoid; }
.report .cancelled td { color: #6b7675; font-style: italic; }
.report .gap { background: #fbe3e3; color: #b00020; font-weight: 700; text-align: center; }
.report h1 { color: #0b5d5a; font-size: 20pt; text-align: center; margin: 18px 0 8px; }
.report h2 { color: #0b5d5a; font-size: 13pt; margin: 12px 0 4px; }
.report .center { text-align: center; }
.report .sign td { height: 34px; }
.report .sign tr.stamp td { height: 70px; }
.report svg { width: 100%; height: auto; max-width: 680px; display: block; margin: 6px auto; }
`;

function Report({ data, logo, lang }: { data: ReportData; logo: Logo | null; lang: 'ar' | 'en' }) {
  const m = MESSAGES[lang].report;
  const s = data.settings;
  const fmt = useMemo(() => makeFormatter(lang, s), [lang, s]);
  // As the workbook shows them: money with the currency's digits, shares to one decimal.
  const [moneyFmt, shareFmt] = useMemo(
    () => [
      new Intl.NumberFormat(fmt.locale, {
        minimumFractionDigits: s.currencyDigits,
        maximumFractionDigits: s.currencyDigits,
      }),
      new Intl.NumberFormat(fmt.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    ],
    [fmt.locale, s.currencyDigits],
  );
  const money = (minor: number) => moneyFmt.format(minor / 10 ** s.currencyDigits);
  const pct = (share: number | null) => (share === null ? '' : shareFmt.format(share));
  const [budgetSvg, coverageSvg] = useMemo(() => reportCharts(data, lang), [data, lang]);
  const local = (p: { nameAr: string; nameEn: string }) => (lang === 'en' && p.nameEn ? p.nameEn : p.nameAr);
  const currency = s.currencyCode;
  const reg = MESSAGES[lang].register;
  const o = data.office;
  const clusters = useStore((st) => st.clusters);
  const clusterOf = useMemo(() => new Map(clusters.map((c) => [c.id, c])), [clusters]);
  const progress = (b: { n: number; progressSum: number }) => (b.n ? fmt.percent(b.progressSum / b.n) : '');
  return (
    <div className="report" dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} data-testid="report-print">
      <section>
        {logo && (
          <div className="center">
            <img
              src={`data:${logo.mime};base64,${logo.base64}`}
              alt={s.agencyName}
              style={{ maxHeight: 76, maxWidth: 330 }}
            />
          </div>
        )}
        <p className="center" style={{ fontSize: '15pt', fontWeight: 700, margin: '8px 0 2px' }}>
          {s.agencyName}
        </p>
        <p className="center" style={{ fontSize: '13pt', margin: 0 }}>
          {s.officeName}
        </p>
        <h1>{m.title}</h1>
        <p className="center" style={{ fontSize: '15pt', fontWeight: 700, margin: 0 }} data-testid="print-period">
          {periodName(data.period, lang, s.fiscalYearStartMonth)}
        </p>
        <p className="center" style={{ margin: '2px 0 12px' }}>
          {periodDays(data.period, lang, s.fiscalYearStartMonth, { digits: s.digits })}
        </p>
        <p>
          <b>{m.generatedAt}:</b> {longDate(new Date(), lang, { digits: s.digits, hijri: s.hijriDate })}
          <br />
          <b>{m.regionFilter}:</b> {data.scopeLabel ?? m.allRegions}
        </p>
        <h2>{m.headline}</h2>
        <table style={{ width: '70%' }}>
          <tbody>
            {(
              [
                [m.initiatives, fmt.number(o.n)],
                [`${m.plannedBudget} (${currency})`, money(o.budget)],
                [`${m.spent} (${currency})`, money(o.spent)],
                [m.spentShare, pct(o.budget ? o.spent / o.budget : 0)],
                [m.clusters, fmt.number(data.clusters)],
                [m.selectedClusters, fmt.number(data.selected)],
                [m.gaps, fmt.number(data.gaps)],
                [m.cancelled, fmt.number(data.cancelled)],
              ] as const
            ).map(([label, value]) => (
              <tr key={label}>
                <td>{label}</td>
                <td className="num">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ fontSize: '9pt' }}>
          <b>{m.rule}:</b> {MESSAGES[lang].figures.rule}
          {data.period && (
            <>
              <br />
              {m.periodRule}
            </>
          )}
        </p>
        <h2>{m.approval}</h2>
        <table className="sign">
          <thead>
            <tr>
              <th />
              <th>{m.prepared}</th>
              <th>{m.reviewed}</th>
              <th>{m.approved}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                [m.personName, s.signatories.map((p) => p.name)],
                [m.personRole, s.signatories.map((p) => p.role)],
                [m.signature, ['', '', '']],
                [m.signDate, ['', '', '']],
                [m.stamp, ['', '', '']],
              ] as const
            ).map(([label, cells]) => (
              <tr key={label} className={label === m.stamp ? 'stamp' : undefined}>
                <td style={{ fontWeight: 700, width: '22%' }}>{label}</td>
                {cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{m.sheets.summary}</h2>
        <table>
          <thead>
            <tr>
              {[
                m.axisNo,
                m.axisName,
                m.axisInitiatives,
                `${m.axisBudget} (${currency})`,
                `${m.axisSpent} (${currency})`,
                m.axisShare,
                m.axisClusters,
                m.axisProgress,
              ].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.axes.map((a) => (
              <tr key={a.axis}>
                <td className="center">{fmt.number(a.axis)}</td>
                <td>{lang === 'ar' ? AXES[a.axis - 1]!.nameAr : AXES[a.axis - 1]!.nameEn}</td>
                <td className="num">{fmt.number(a.initiatives)}</td>
                <td className="num">{money(a.budget)}</td>
                <td className="num">{money(a.spent)}</td>
                <td className="num">{pct(a.share)}</td>
                <td className="num">{fmt.number(a.clusters)}</td>
                <td className="num">{a.progress === null ? '' : fmt.percent(a.progress)}</td>
              </tr>
            ))}
            <tr className="total">
              <td />
              <td>{m.totalDistinct}</td>
              <td className="num">{fmt.number(o.n)}</td>
              <td className="num">{money(o.budget)}</td>
              <td className="num">{money(o.spent)}</td>
              <td colSpan={3} />
            </tr>
          </tbody>
        </table>
        <div dangerouslySetInnerHTML={{ __html: budgetSvg }} />
        <div dangerouslySetInnerHTML={{ __html: coverageSvg }} />
      </section>

      <section className="wide">
        <h2>{m.matrixTitle}</h2>
        <table>
          <thead>
            <tr>
              <th>{m.matrixRegion}</th>
              <th>{m.matrixCluster}</th>
              {AXES.map((a) => (
                <th key={a.id}>{`${a.id}. ${lang === 'ar' ? a.shortAr : a.shortEn}`}</th>
              ))}
              <th>{m.matrixTotal}</th>
            </tr>
          </thead>
          {[data.matrix.slice(0, -2), data.matrix.slice(-2)].map((part, n) => (
            <tbody key={n} className={n === 1 ? 'keep' : undefined}>
              {part.map((r) => (
                <tr key={r.key}>
                  <td>{local({ nameAr: r.regionNameAr, nameEn: r.regionNameEn })}</td>
                  <td>
                    {r.clusterId
                      ? local({ nameAr: r.clusterNameAr, nameEn: r.clusterNameEn })
                      : MESSAGES[lang].matrix.regionWideRow}
                  </td>
                  {AXES.map((a) =>
                    isGap(r, a.id) ? (
                      <td key={a.id} className="gap">
                        {m.gap}
                      </td>
                    ) : (
                      <td key={a.id} className="num">
                        {fmt.number(valueOf(cellBucket(r, a.id), 'count') ?? 0)}
                      </td>
                    ),
                  )}
                  <td className="num">{fmt.number(rowBucket(r).n)}</td>
                </tr>
              ))}
              {n === 1 && (
                <tr className="total">
                  <td colSpan={2}>{m.total}</td>
                  {data.axes.map((a) => (
                    <td key={a.axis} className="num">
                      {fmt.number(a.initiatives)}
                    </td>
                  ))}
                  <td className="num">{fmt.number(o.n)}</td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
        <p style={{ fontSize: '9pt' }}>
          <span className="gap" style={{ padding: '0 6px' }}>
            {m.gap}
          </span>{' '}
          {m.legendGap}
        </p>
      </section>

      <section className="wide">
        <h2>{m.sheets.register}</h2>
        <table>
          <thead>
            <tr>
              {[
                reg.code,
                reg.title,
                reg.cluster,
                m.axes,
                reg.status,
                fill(reg.plannedBudget, { currency }),
                fill(reg.spent, { currency }),
                m.progressShort,
              ].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          {data.groups.map((g, n) => {
            const row = (i: (typeof g.initiatives)[number]) => (
              <tr key={i.id} className={i.status === 'cancelled' ? 'cancelled' : undefined}>
                <td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                  {i.code}
                </td>
                <td style={{ width: '34%' }}>{i.title}</td>
                <td>
                  {i.clusterId
                    ? local(clusterOf.get(i.clusterId) ?? { nameAr: '', nameEn: '' })
                    : MESSAGES[lang].matrix.regionWideRow}
                </td>
                <td className="center">
                  {i.axes.length ? i.axes.map((x) => fmt.number(x)).join(lang === 'ar' ? '، ' : ', ') : '—'}
                </td>
                <td>{(MESSAGES[lang].enums.status as Record<string, string>)[i.status]}</td>
                <td className="num">{money(i.plannedBudget)}</td>
                <td className="num">{money(i.spent)}</td>
                <td className="num">{fmt.percent(i.progress)}</td>
              </tr>
            );
            // A region's last rows and its totals are one group that is never split across pages,
            // so no page holds totals alone.
            const tail = g.initiatives.slice(-2);
            return [
              <tbody key={g.regionId}>
                <tr className="band">
                  <td colSpan={8}>{local(g)}</td>
                </tr>
                {g.initiatives.slice(0, -2).map(row)}
              </tbody>,
              <tbody key={`${g.regionId}-end`} className="keep">
                {tail.map(row)}
                <tr className="total">
                  <td colSpan={5}>{fill(m.regionTotal, { region: local(g), count: fmt.number(g.subtotal.n) })}</td>
                  <td className="num">{money(g.subtotal.budget)}</td>
                  <td className="num">{money(g.subtotal.spent)}</td>
                  <td className="num">{progress(g.subtotal)}</td>
                </tr>
                {n === data.groups.length - 1 && (
                  <tr className="total">
                    <td colSpan={5}>{fill(m.officeTotal, { count: fmt.number(o.n) })}</td>
                    <td className="num">{money(o.budget)}</td>
                    <td className="num">{money(o.spent)}</td>
                    <td className="num">{progress(o)}</td>
                  </tr>
                )}
              </tbody>,
            ];
          })}
        </table>
      </section>

      <section className="wide">
        <h2>{m.sheets.findings}</h2>
        {data.findings.length === 0 ? (
          <p>{m.noFindings}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {[
                  m.findingRule,
                  m.findingRegion,
                  m.findingCluster,
                  m.findingAxis,
                  m.findingInitiative,
                  m.findingMessage,
                ].map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.findings.map((f, n) => (
                <tr key={n}>
                  <td className="center">{f.rule}</td>
                  <td>{lang === 'en' && f.regionEn ? f.regionEn : f.regionAr}</td>
                  <td>{(lang === 'en' && f.clusterEn) || f.clusterAr}</td>
                  <td className="center">{f.axis ? fmt.number(f.axis) : ''}</td>
                  <td dir="ltr">{f.initiativeCode}</td>
                  <td>{f.message[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
