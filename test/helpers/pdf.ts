/**
 * Reading a PDF back as a reader would: its pages' text and sizes with poppler's pdftotext and
 * pdfinfo, its pages as images with pdftoppm (Debian's poppler-utils, installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Pages' text in reading layout; pdftotext marks direction with embedding controls, dropped here. */
export function pdfText(pdf: string, first: number, last = first): string {
  return execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-layout', pdf, '-'], {
    encoding: 'utf8',
  }).replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Each page's width and height in points. */
export function pdfPageSizes(pdf: string): [number, number][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The heights of a page's words: the printed text size in points. */
export function pdfWordHeights(pdf: string, page: number): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
  return [...xml.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
}

/** The first pages as PNG images beside `prefix` (prefix-1.png…), to look at. */
export function pdfImages(pdf: string, prefix: string, last: number, dpi = 60): void {
  mkdirSync(dirname(prefix), { recursive: true });
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', String(last), pdf, prefix]);
}
