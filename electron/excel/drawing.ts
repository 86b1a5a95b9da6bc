/**
 * Pictures (the cover's logo, the summary's charts) on sheets of exceljs's streaming writer,
 * which writes images only as sheet backgrounds. A picture needs a drawing part anchored to a
 * cell, its relationships, a reference from the sheet and a content type; they are added here
 * around the writer's own steps. The sheet's element goes just before its legacy drawing, the
 * place the worksheet schema gives <drawing>.
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';

const requireHere = createRequire(__filename);
const ContentTypesXform = requireHere(
  requireHere.resolve('exceljs/lib/xlsx/xform/core/content-types-xform.js'),
) as new () => { toXml(model: unknown): string };

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EMU_PER_PIXEL = 9525;

export interface Picture {
  png: Buffer;
  extension?: 'png' | 'jpeg';
  /** The cell its top corner sits in (0-based); in a right-to-left sheet, its right corner. */
  col: number;
  row: number;
  /** Size on the page, in pixels at 96 dpi. */
  width: number;
  height: number;
  description: string;
}

interface WriterInternals {
  zip: { append(data: string, options: { name: string }): void };
  media: { name: string }[];
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  addContentTypes(): Promise<void>;
  __drawings?: { name: string }[];
}

interface SheetInternals {
  _writeLegacyData(): void;
  _write(text: string): void;
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Places pictures on a sheet; call before the sheet is committed. */
export function addPictures(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet, pictures: Picture[]): void {
  if (pictures.length === 0) return;
  const book = wb as unknown as WriterInternals;
  const sheet = ws as unknown as SheetInternals;
  if (!book.__drawings) {
    book.__drawings = [];
    const drawings = book.__drawings;
    book.addContentTypes = () => {
      const model = {
        worksheets: book._worksheets.filter(Boolean),
        sharedStrings: book.sharedStrings,
        commentRefs: book.commentRefs,
        media: book.media,
        drawings,
      };
      book.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
      return Promise.resolve();
    };
  }
  const name = `drawing${book.__drawings.length + 1}`;
  book.__drawings.push({ name });
  const anchors: string[] = [];
  const rels: string[] = [];
  pictures.forEach((p, n) => {
    const id = wb.addImage({ buffer: p.png as unknown as ExcelJS.Buffer, extension: p.extension ?? 'png' });
    const rId = `rId${n + 1}`;
    rels.push(`<Relationship Id="${rId}" Type="${REL}/image" Target="../media/${book.media[id]!.name}"/>`);
    const [cx, cy] = [Math.round(p.width * EMU_PER_PIXEL), Math.round(p.height * EMU_PER_PIXEL)];
    anchors.push(
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${n + 2}" name="Picture ${n + 1}" descr="${escape(p.description)}"/>` +
        `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
        `</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`,
    );
  });
  book.zip.append(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${anchors.join('')}</xdr:wsDr>`,
    { name: `xl/drawings/${name}.xml` },
  );
  book.zip.append(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    { name: `xl/drawings/_rels/${name}.xml.rels` },
  );
  const legacy = sheet._writeLegacyData.bind(sheet);
  sheet._writeLegacyData = () => {
    const rId = sheet._sheetRelsWriter.addRelationship({ Type: `${REL}/drawing`, Target: `../drawings/${name}.xml` });
    sheet._write(`<drawing r:id="${rId}"/>`);
    legacy();
  };
}
