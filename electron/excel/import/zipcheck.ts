/**
 * Looks at a workbook file before anything parses it, and says what it is: .xlsx, .ods (zips),
 * .xls (an OLE container) or CSV text. exceljs hangs on a truncated zip and happily inflates a
 * decompression bomb, so a zip's central directory is read here first: its declared sizes,
 * entry count and compression ratios decide whether the file is parsed at all.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../db/core/errors';
import { bilingual, type MessageKey } from '../../../db/core/messages';

export const LIMITS = {
  /** Largest workbook file accepted. */
  fileBytes: 100 * 1024 * 1024,
  /** Largest total of declared uncompressed sizes. */
  uncompressedBytes: 600 * 1024 * 1024,
  /** Largest declared uncompressed size of one part. */
  entryBytes: 400 * 1024 * 1024,
  /** Highest compression ratio of a large part; real sheets stay far below it. */
  ratio: 120,
  entries: 5000,
};

const refuse = (code: string, key: MessageKey, details?: Record<string, unknown>): AppError =>
  new AppError('INVALID_INPUT', bilingual(key), { reason: code, ...details });

export const REFUSALS = {
  empty: () => refuse('empty', 'errors.zipEmpty'),
  tooLarge: (bytes: number) =>
    refuse('too_large', 'errors.zipTooLarge', {
      bytes,
    }),
  encrypted: () => refuse('encrypted', 'errors.zipEncrypted'),
  notZip: () => refuse('not_xlsx', 'errors.zipNotXlsx'),
  truncated: () => refuse('truncated', 'errors.zipTruncated'),
  bomb: () => refuse('oversized', 'errors.zipOversized'),
  notWorkbook: () => refuse('not_workbook', 'errors.zipNotWorkbook'),
};

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface FileCheck {
  format: WorkbookFormat;
  bytes: number;
  /** A zip's central directory (.xlsx, .ods); null for .xls and CSV. */
  zip: ZipSummary | null;
}

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  names: string[];
  /** Where each part's data starts (its local header), how it is stored, and its sizes. */
  parts: Map<string, { offset: number; method: number; compressed: number; uncompressed: number }>;
  /** Where the parts end: the central directory's offset. */
  partsEnd: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Checks a workbook file and says what it is, or throws a refusal. */
export function checkWorkbookFile(file: string): FileCheck {
  const fd = openSync(file, 'r');
  let zip: ZipSummary;
  let bytes: number;
  try {
    bytes = fstatSync(fd).size;
    if (bytes === 0) throw REFUSALS.empty();
    if (bytes > LIMITS.fileBytes) throw REFUSALS.tooLarge(bytes);
    const head = readAt(fd, 0, 8);
    if (head.equals(CFB_MAGIC)) {
      // An OLE container is either a legacy .xls or an encrypted .xlsx; the latter names its
      // EncryptionInfo stream in the directory, which sits within the first sectors.
      const probe = readAt(fd, 0, Math.min(bytes, 256 * 1024));
      if (probe.includes(ENCRYPTION_INFO)) throw REFUSALS.encrypted();
      return { format: 'xls', bytes, zip: null };
    }
    if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) {
      if (looksLikeText(readAt(fd, 0, Math.min(bytes, 64 * 1024)))) return { format: 'csv', bytes, zip: null };
      throw REFUSALS.notZip();
    }
    zip = readCentralDirectory(fd, bytes);
  } finally {
    closeSync(fd);
  }
  if (zip.parts.has('mimetype') && readPart(file, zip, 'mimetype')?.trim() === ODS_MIMETYPE) {
    return { format: 'ods', bytes, zip };
  }
  const lower = zip.names.map((n) => n.toLowerCase());
  if (!lower.includes('[content_types].xml') || !lower.some((n) => /^xl\/workbook\d*\.xml$/.test(n))) {
    throw REFUSALS.notWorkbook();
  }
  return { format: 'xlsx', bytes, zip };
}

/**
 * Text, not a binary file: UTF-16 (with or without its byte-order mark) or no NUL byte and few
 * control characters, in any 8-bit encoding.
 */
function looksLikeText(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return true;
  }
  let nul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) nul += 1;
    else if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  // UTF-16 without a mark: every other byte of Latin or Arabic text is 0 or 6.
  if (nul > head.length / 4) return true;
  return nul === 0 && control <= head.length / 100;
}

/** One small part of a checked zip, inflated; null when absent, too large or unreadable. */
export function readPart(file: string, zip: ZipSummary, name: string, maxBytes = 4 * 1024 * 1024): string | null {
  const part = zip.parts.get(name);
  if (!part || part.uncompressed > maxBytes || (part.method !== 0 && part.method !== 8)) return null;
  const fd = openSync(file, 'r');
  try {
    const local = readAt(fd, part.offset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) return null;
    const start = part.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = readAt(fd, start, part.compressed);
    return (part.method === 8 ? inflateRawSync(data, { maxOutputLength: maxBytes }) : data).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
/** An attribute's value in an XML start tag, unescaped; null when absent. */
export const attribute = (tag: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : null;
};

export interface WorkbookSheet {
  name: string;
  /** The worksheet part's number (`sheet3.xml` → "3"); null when the sheet is not a worksheet part. */
  part: string | null;
  /** Hidden or very hidden in Excel: a stale copy or a lookup list, never the register unless named. */
  hidden: boolean;
}

/**
 * The workbook's sheets in tab order, read from workbook.xml and its relationships whatever
 * their place in the zip: openpyxl and pandas write them after the sheets, and a streaming
 * reader meeting a sheet first knows only "Sheet3".
 */
export function workbookSheets(file: string, zip: ZipSummary): WorkbookSheet[] {
  const workbook = readPart(file, zip, 'xl/workbook.xml');
  const rels = readPart(file, zip, 'xl/_rels/workbook.xml.rels');
  if (!workbook) return [];
  const targets = new Map<string, string>();
  for (const [tag] of (rels ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    const n = target && /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(target);
    if (id && n) targets.set(id, n[1]!);
  }
  const out: WorkbookSheet[] = [];
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id') ?? attribute(tag, 'relationships:id');
    const state = attribute(tag, 'state');
    if (name)
      out.push({ name, part: (id && targets.get(id)) || null, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return out;
}

/** The sheet names by worksheet part number (`sheet3.xml` → "سجل 2025"). */
export function sheetNames(sheets: WorkbookSheet[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sheets) if (s.part) out[s.part] = s.name;
  return out;
}

function readCentralDirectory(fd: number, size: number): ZipSummary {
  // The end-of-central-directory record is in the last 64 KiB (+22 bytes) of a zip.
  const tailLength = Math.min(size, 65_557);
  const tail = readAt(fd, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw REFUSALS.truncated();
  const entries = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw REFUSALS.bomb(); // zip64: never a real register
  if (entries > LIMITS.entries) throw REFUSALS.bomb();
  if (cdOffset + cdSize > size - tailLength + eocd) throw REFUSALS.truncated();
  const cd = readAt(fd, cdOffset, cdSize);
  if (cd.length < cdSize) throw REFUSALS.truncated();

  const names: string[] = [];
  const parts: ZipSummary['parts'] = new Map();
  let total = 0;
  let p = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw REFUSALS.truncated();
    const compressed = cd.readUInt32LE(p + 20);
    const uncompressed = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    if (localOffset + compressed > cdOffset) throw REFUSALS.truncated();
    if (uncompressed > LIMITS.entryBytes) throw REFUSALS.bomb();
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(1, compressed) > LIMITS.ratio) throw REFUSALS.bomb();
    total += uncompressed;
    if (total > LIMITS.uncompressedBytes) throw REFUSALS.bomb();
    names.push(name);
    parts.set(name, { offset: localOffset, method: cd.readUInt16LE(p + 10), compressed, uncompressed });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, uncompressedBytes: total, names, parts, partsEnd: cdOffset };
}
