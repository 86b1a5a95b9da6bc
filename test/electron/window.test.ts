import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import {
  decidePermission,
  isAllowedNavigation,
  isSafeExternalLink,
  isTrustedSender,
  resolveAppFile,
} from '../../electron/main/guards';
import { menuTemplate } from '../../electron/main/menu';
import { APP_START_URL, windowOptions } from '../../electron/main/window';

describe('main/window options', () => {
  it('keeps web content away from Node', () => {
    const prefs = windowOptions('/app/preload/index.cjs', 'ar').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe('/app/preload/index.cjs');
  });

  it('titles the window in the user language', () => {
    expect(windowOptions('p', 'ar').title).toBe('تجمّع');
    expect(windowOptions('p', 'en').title).toBe('Tajammu');
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

describe('main/guards', () => {
  it('allows navigation only within the app origin', () => {
    expect(isAllowedNavigation(APP_START_URL)).toBe(true);
    expect(isAllowedNavigation('app://tajammu/other.html')).toBe(true);
    for (const url of [
      'https://example.com',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url)).toBe(false);
    }
  });

  it('trusts only the main frame of our own page', () => {
    expect(isTrustedSender({ url: APP_START_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_START_URL, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(decidePermission(p)).toBe(false);
    }
  });

  it('opens only https links externally', () => {
    expect(isSafeExternalLink('https://example.org/guide')).toBe(true);
    for (const url of ['http://example.org', 'file:///c:/windows', 'smb://server/share', 'javascript:1']) {
      expect(isSafeExternalLink(url)).toBe(false);
    }
  });

  it('serves app:// files from the renderer folder only', () => {
    const root = '/opt/tajammu/renderer';
    expect(resolveAppFile('app://tajammu/', root)).toBe('/opt/tajammu/renderer/index.html');
    expect(resolveAppFile('app://tajammu/assets/index.js', root)).toBe('/opt/tajammu/renderer/assets/index.js');
    for (const url of [
      'app://tajammu/../../etc/passwd',
      'app://tajammu/%2e%2e/%2e%2e/etc/passwd',
      'app://tajammu/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://tajammu/..%5c..%5cwindows',
      'app://other/index.html',
      'app://tajammu/%00.js',
      'https://tajammu/index.html',
    ]) {
      const file = resolveAppFile(url, root);
      if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true);
    }
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('app://tajammu/assets/..%2f..%2f..%2fetc%2fpasswd', root)).toBeNull();
  });
});

describe('main/menu', () => {
  const none = {
    about: () => undefined,
    openFile: () => undefined,
    newFile: () => undefined,
    newMinistryFile: () => undefined,
    saveCopy: () => undefined,
  };
  const labels = (lang: 'ar' | 'en') => menuTemplate(lang, none, 'linux').map((m) => m.label);
  it('is bilingual, from the message files', () => {
    expect(labels('ar')).toEqual(['ملف', 'تحرير', 'عرض', 'نافذة', 'مساعدة']);
    expect(labels('en')).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('has the portfolio file commands and the recent files in the File menu', () => {
    const opened: (string | undefined)[] = [];
    const calls: string[] = [];
    const actions = {
      about: () => undefined,
      openFile: (path?: string) => opened.push(path),
      newFile: () => calls.push('new'),
      newMinistryFile: () => calls.push('ministry'),
      saveCopy: () => calls.push('copy'),
    };
    const recent = ['/data/a.tajammu', '/media/usb/b.tajammu'];
    const file = menuTemplate('ar', actions, 'linux', recent)[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.map((i) => i.label ?? i.type)).toEqual([
      'ملف محفظة جديد…',
      'محفظة مجمّعة جديدة للوزارة…',
      'فتح ملف محفظة…',
      'الملفات الأخيرة',
      'حفظ نسخة في…',
      'separator',
      'خروج',
    ]);
    const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
    click(file[0]!);
    click(file[1]!);
    click(file[2]!);
    click(file[4]!);
    const recentItems = file[3]!.submenu as MenuItemConstructorOptions[];
    expect(recentItems.map((i) => i.label)).toEqual(recent);
    click(recentItems[1]!);
    expect(calls).toEqual(['new', 'ministry', 'copy']);
    expect(opened).toEqual([undefined, '/media/usb/b.tajammu']);
    // Nothing to list on a first start: the submenu is greyed out.
    const empty = menuTemplate('en', actions, 'linux')[0]!.submenu as MenuItemConstructorOptions[];
    expect(empty[3]!.enabled).toBe(false);
  });
});
