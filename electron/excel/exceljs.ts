/**
 * exceljs, with its XML reader fixed for Arabic. exceljs 4.4 turns each compressed chunk into
 * a string on its own, so a two-byte Arabic letter split across chunks becomes "��" (exceljs
 * issues #2084, #2316; fixes never released). Its one shared reader is replaced here, before
 * anything else loads exceljs, by one that carries partial characters over with StringDecoder.
 * Every module of ours takes exceljs from this file (a lint rule says so).
 */
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const requireHere = createRequire(__filename);
const parseSaxPath = requireHere.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(parseSaxPath)('saxes') as typeof import('saxes');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream): AsyncGenerator<SaxEvent[]> {
  let iterable = source as AsyncIterable<Buffer | string>;
  if (!(Symbol.asyncIterator in source)) iterable = (source as NodeJS.ReadableStream).pipe(new PassThrough());
  const parser = new SaxesParser();
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

// Load the original once so its cache entry exists, then swap what it exports.
requireHere(parseSaxPath);
requireHere.cache[parseSaxPath]!.exports = parseSax;

const ExcelJS = requireHere('exceljs') as typeof import('exceljs');
export default ExcelJS;
