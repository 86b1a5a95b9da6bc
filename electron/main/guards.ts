/**
 * The security guards of the main process as plain functions, so tests can run them without
 * Electron. The lifecycle module only wires them to Electron's events.
 */
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { APP_ORIGIN, APP_SCHEME } from './window';

/** The window may only ever show our own pages; every other navigation is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Only the main frame of our own page may call the API. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  return isAllowedNavigation(frame.url);
}

/** Camera, microphone, geolocation, notifications…: the program needs none of them. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** Links the user clicks open in the system browser only when they are plain https. */
export function isSafeExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Maps an app:// URL onto a file inside the renderer folder, or null when the path would leave
 * it (`..`, encoded separators, absolute paths) or names another host.
 */
export function resolveAppFile(url: string, root: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || `${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}
