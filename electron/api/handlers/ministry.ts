/**
 * The ministry's operations: its offices, receiving packages uploaded from the page (kept under
 * their own names, which the provenance records), who reported, the decisions and their reply
 * files, and the national matrix.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nationalCell, nationalFindings, nationalMatrix, nationalTrend } from '../../../db/queries/national';
import { statusGrid } from '../../../db/queries/status';
import {
  addOffice,
  closeOffice,
  listOffices,
  type Received,
  reopen,
  requireMinistry,
} from '../../../db/repos/ministry';
import { decide } from '../../excel/decide';
import { writeNationalReport } from '../../excel/national-report';
import { asDownload, workFile } from '../../excel/exchange';
import { receivePackages } from '../../excel/receive';
import type { DomainHandlers } from './types';

export const officeHandlers = {
  'offices.list': (_input, { db }) => {
    requireMinistry(db);
    return listOffices(db);
  },
  'offices.create': (input, { db, source }) => addOffice(db, { source }, input),
  'offices.close': ({ code, since }, { db, source }) => closeOffice(db, { source }, code, since),
} satisfies DomainHandlers<'offices'>;

export const ministryHandlers = {
  'ministry.receive': async (input, { db, source }) => {
    const dir = workFile('');
    mkdirSync(dir, { mode: 0o700 });
    try {
      const files = input.files.map((f, i) => {
        // Each in a folder of its own: two files may carry the same name.
        const file = join(dir, String(i), basename(f.fileName.replace(/\\/g, '/')) || 'package.xlsx');
        mkdirSync(join(dir, String(i)));
        writeFileSync(file, Buffer.from(f.data, 'base64'), { mode: 0o600 });
        return file;
      });
      const verdicts = await receivePackages(db, { source }, files, input);
      // The page knows its files by the names it gave.
      return verdicts.map((v, i) => ({ ...v, file: input.files[i]!.fileName }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  'ministry.status': (input, { db }) => {
    requireMinistry(db);
    return statusGrid(db, input);
  },
  'ministry.decide': (input, { db, source }) =>
    asDownload(
      (r: Received) => `reply-${r.officeCode}-${r.period}-v${r.version}.xlsx`,
      (out) => decide(db, { source }, { ...input, out }),
    ),
  'ministry.reopen': ({ office, period, reason }, { db, source }) => reopen(db, { source }, office, period, reason),
  'ministry.export': (input, { db }) => {
    const base = input.lang === 'ar' ? 'التقرير-الوطني' : 'national-report';
    return asDownload(`${base}-${input.period ?? input.today}.xlsx`, (out) => writeNationalReport(db, out, input));
  },
  'ministry.cell': (input, { db }) => {
    requireMinistry(db);
    return nationalCell(db, input);
  },
  'ministry.stats': (_input, { db }) => {
    requireMinistry(db);
    return nationalTrend(db);
  },
  'ministry.findings': (input, { db }) => {
    requireMinistry(db);
    return nationalFindings(db, input);
  },
  'ministry.matrix': (input, { db }) => {
    requireMinistry(db);
    return nationalMatrix(db, input);
  },
} satisfies DomainHandlers<'ministry'>;
