import { AppError } from '../../../db/core/errors';
import { getFindings } from '../../../db/queries/health';
import { scopeIds } from '../../../db/queries/scope';
import { deleteProfile, listProfiles, saveProfile } from '../../../db/repos/profiles';
import {
  commitPreview,
  discardPreview,
  errorWorkbook,
  startExport,
  startPreview,
  findingsFile,
  matrixFile,
  templateFile,
  submissionFile,
  replyFile,
  packageFile,
} from '../../excel/exchange';
import { reportingState } from '../../../db/queries/reporting';
import { changesDetail } from '../../../db/queries/since';
import { latestSubmission, standingComments } from '../../../db/repos/submissions';
import { cancelJob, getJob } from '../jobs';
import type { DomainHandlers } from './types';
import { bilingual } from '../../../db/core/messages';

const noJob = (id: string) => new AppError('NOT_FOUND', bilingual('errors.noJob', { id }));

export const exchangeHandlers = {
  'exchange.export': (input, { db }) => startExport(db, input),
  'exchange.template': ({ lang }, { db }) => templateFile(db, lang),
  'exchange.matrix': ({ lang, measure, regionId, ...filter }, { db }) =>
    matrixFile(db, {
      lang,
      measure: measure ?? 'count',
      filter: { ...filter, regionIds: scopeIds(db, regionId) },
      regionId,
    }),
  'exchange.findings': ({ lang, regionId, clusterId, rules }, { db }) =>
    findingsFile(db, {
      lang,
      findings: getFindings(db, {
        regionIds: regionId ? new Set(scopeIds(db, regionId)) : null,
        ...(rules ? { rules } : {}),
      }).filter((f) => !clusterId || f.clusterId === clusterId),
    }),
} satisfies DomainHandlers<'exchange'>;

export const submissionHandlers = {
  'submissions.list': ({ today }, { db }) => reportingState(db, today),
  'submissions.submit': (input, { db, source }) => submissionFile(db, { source }, input),
  'submissions.reply': (input, { db, source }) => replyFile(db, { source }, input),
  'submissions.export': ({ id, lang }, { db }) => packageFile(db, id, lang),
  'submissions.get': async (input, { db }) => {
    const since = latestSubmission(db, input?.period);
    return { detail: since ? await changesDetail(db, since) : null };
  },
} satisfies DomainHandlers<'submissions'>;

export const commentHandlers = {
  'comments.list': (_input, { db }) => standingComments(db),
} satisfies DomainHandlers<'comments'>;

export const importHandlers = {
  'import.preview': (input, { db }) => startPreview(db, input),
  'import.commit': ({ previewId, skipInvalid }, { db }) => commitPreview(db, previewId, skipInvalid),
  'import.discard': ({ previewId }) => {
    discardPreview(previewId);
    return {};
  },
  'import.errorWorkbook': ({ previewId, lang }) => errorWorkbook(previewId, lang),
} satisfies DomainHandlers<'import'>;

export const profileHandlers = {
  'importProfiles.list': (_input, { db }) => listProfiles(db),
  'importProfiles.save': (input, { db, source }) => saveProfile(db, { source }, input),
  'importProfiles.delete': ({ name }, { db, source }) => {
    deleteProfile(db, { source }, name);
    return {};
  },
} satisfies DomainHandlers<'importProfiles'>;

function found<T>(job: T | undefined, id: string): T {
  if (!job) throw noJob(id);
  return job;
}

export const jobHandlers = {
  'jobs.get': ({ id }) => found(getJob(id), id),
  'jobs.cancel': ({ id }) => found(cancelJob(id), id),
} satisfies DomainHandlers<'jobs'>;
