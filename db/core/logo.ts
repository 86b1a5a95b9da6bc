/**
 * The agency's logo on the report cover: a PNG or a JPEG, checked from its bytes (not its name)
 * so a report never embeds something Excel would refuse to open. Pure: the screens check a
 * chosen file with it before sending it, and the portfolio checks it again before keeping it.
 */
import { AppError } from './errors';
import { bilingual } from './messages';

export const LOGO_MAX_BYTES = 1024 * 1024;

export interface LogoInfo {
  mime: 'image/png' | 'image/jpeg';
  extension: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** A logo as the portfolio keeps it: its bytes in base64, and what they were checked to be. */
export interface Logo extends LogoInfo {
  base64: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);

/** The pixel size of a JPEG from its first start-of-frame marker. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: u16(b, at + 5), width: u16(b, at + 7) };
    }
    at += 2 + u16(b, at + 2);
  }
  return null;
}

export function checkLogo(bytes: Uint8Array): LogoInfo {
  if (bytes.length > LOGO_MAX_BYTES) {
    const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
    throw new AppError('INVALID_INPUT', bilingual('errors.logoTooLarge', { size }));
  }
  let info: LogoInfo | null = null;
  if (
    bytes.length > 24 &&
    PNG.every((v, i) => bytes[i] === v) &&
    String.fromCharCode(...bytes.slice(12, 16)) === 'IHDR'
  ) {
    info = { mime: 'image/png', extension: 'png', width: u32(bytes, 16), height: u32(bytes, 20) };
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    if (size) info = { mime: 'image/jpeg', extension: 'jpeg', ...size };
  }
  if (!info) throw new AppError('INVALID_INPUT', bilingual('errors.logoNotImage'));
  const fits = (n: number) => n >= 16 && n <= 4000;
  if (!fits(info.width) || !fits(info.height)) {
    throw new AppError('INVALID_INPUT', bilingual('errors.logoDimensions', { width: info.width, height: info.height }));
  }
  return info;
}
