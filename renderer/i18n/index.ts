import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGES } from '../../db/core/messages';

export type Language = 'ar' | 'en';
export const LANGUAGE_KEY = 'tajammu.language';

/** The language the user last chose on this machine; Arabic until they choose otherwise. */
export function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode); the settings file still remembers the choice.
  }
}

void i18next.use(initReactI18next).init({
  resources: { ar: { translation: MESSAGES.ar }, en: { translation: MESSAGES.en } },
  lng: rememberedLanguage(),
  fallbackLng: 'ar',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** A message in both languages, for errors the page itself raises (the API's come bilingual). */
export function bothLanguages(key: string, vars: Record<string, unknown> = {}): { ar: string; en: string } {
  return { ar: i18next.t(key, { ...vars, lng: 'ar' }), en: i18next.t(key, { ...vars, lng: 'en' }) };
}

export default i18next;
