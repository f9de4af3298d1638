// The wall's two languages: zh-CN by default (the operators'), English for visitors.
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'zh';

/** The HTML `lang` attribute for a language, so fonts and line breaking follow it. */
export const HTML_LANG: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

export function isLang(value: string | null): value is Lang {
  return value === 'zh' || value === 'en';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}
