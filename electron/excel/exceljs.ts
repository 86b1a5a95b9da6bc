/**
 * exceljs, with its XML reader fixed for Arabic. exceljs 4.4 turns each compressed chunk into
 * a string on its own, so a two-byte Arabic letter split across chunks becomes "��" (exceljs
 * issues #2084, #2316; fixes never released). Its one shared reader is replaced here, before
 * anything else loads exceljs, by one that carries partial characters over with StringDecoder.
 * The same reader also mends inline rich text: exceljs's sheet reader starts the cell's text
 * afresh at every <t> of an <is> element, so a cell written as runs (openpyxl, LibreOffice) kept
 * only its last run; here the later <t> tags of one <is> are dropped, so the runs' text adds up,
 * and phonetic guides (<rPh>) are left out as Excel leaves them out of the cell's value.
 * Every module of ours takes exceljs from this file (a lint rule says so).
 */
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const requireHere = createRequire(__filename);
const parseSaxPath = requireHere.resolve('exceljs/lib/utils/parse-sax.js');
// Loaded with exceljs, on first use (see `load` below).
let SaxesParser: typeof import('saxes').SaxesParser;

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream): AsyncGenerator<SaxEvent[]> {
  let iterable = source as AsyncIterable<Buffer | string>;
  if (!(Symbol.asyncIterator in source)) iterable = (source as NodeJS.ReadableStream).pipe(new PassThrough());
  const parser = new SaxesParser();
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  let inline = false; // inside <is>
  let runs = 0; // <t> tags met in it
  let phonetic = false; // inside <rPh>
  let inText = false; // inside a <t> of the cell's own text
  parser.on('opentag', (value) => {
    if (value.name === 'is') [inline, runs] = [true, 0];
    else if (inline && value.name === 'rPh') phonetic = true;
    else if (inline && value.name === 't') {
      inText = !phonetic;
      if (phonetic || runs++ > 0) return;
    }
    events.push({ eventType: 'opentag', value });
  });
  parser.on('text', (value) => {
    // In an <is>, only the text of its <t> tags: not the phonetic guide, and not the line
    // breaks and indents between runs of pretty-printed XML.
    if (!inline || inText) events.push({ eventType: 'text', value });
  });
  parser.on('closetag', (value) => {
    if (value.name === 'is') inline = false;
    else if (value.name === 'rPh') phonetic = false;
    else if (value.name === 't') inText = false;
    events.push({ eventType: 'closetag', value });
  });
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

export const APPLICATION = 'Tajammu';

/**
 * exceljs, patched, loaded on first use: a process that never reads or writes a workbook with
 * it (`cli matrix`, an .xlsx import's main thread and worker) does not pay its 0.16 s of loading.
 */
let loaded: typeof import('exceljs') | null = null;
function load(): typeof import('exceljs') {
  if (loaded) return loaded;
  SaxesParser = (createRequire(parseSaxPath)('saxes') as typeof import('saxes')).SaxesParser;
  // Load the original once so its cache entry exists, then swap what it exports.
  requireHere(parseSaxPath);
  requireHere.cache[parseSaxPath]!.exports = parseSax;

  // Every workbook exceljs writes says it was made by "Microsoft Excel" (docProps/app.xml, which
  // File → Properties shows); ours say the program that wrote them.
  type XmlStream = { leafNode(name: string, attributes: unknown, text: unknown): void };
  const AppXform = requireHere('exceljs/lib/xlsx/xform/core/app-xform.js') as {
    prototype: { render(xmlStream: XmlStream, model: unknown): void };
  };
  const renderApp = AppXform.prototype.render;
  AppXform.prototype.render = function (xmlStream: XmlStream, model: unknown) {
    // For this one render, an own leafNode over the stream's (deleted after: the class's is back).
    const leafNode = xmlStream.leafNode;
    xmlStream.leafNode = (name, attributes, text) =>
      leafNode.call(xmlStream, name, attributes, name === 'Application' ? APPLICATION : text);
    try {
      renderApp.call(this, xmlStream, model);
    } finally {
      delete (xmlStream as Partial<XmlStream>).leafNode;
    }
  };
  return (loaded = requireHere('exceljs') as typeof import('exceljs'));
}

const ExcelJS = new Proxy({} as typeof import('exceljs'), { get: (_, key) => Reflect.get(load(), key) });
export default ExcelJS;
