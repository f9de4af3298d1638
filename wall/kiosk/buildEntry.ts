// Which build a page is: the module script its index.html starts (Vite names it by its content's
// hash, so a new build has a new name). Pure: the edge fetches the served index.html.
import type { ReloadRecord } from './reloadRecords.ts';

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of tag.slice('<script'.length, -1).matchAll(ATTRIBUTE)) {
    if (name) attributes.set(name.toLowerCase(), double ?? single ?? bare ?? '');
  }
  return attributes;
}

/** The absolute URL of the first module script with a src in `html`, resolved against `baseUrl`. */
export function moduleEntry(html: string, baseUrl: string): string | null {
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const attributes = attributesOf(tag);
    const src = attributes.get('src');
    if (attributes.get('type')?.toLowerCase() !== 'module' || !src) continue;
    try {
      return new URL(src, baseUrl).href;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Whether the served build calls for a reload: it names an entry, not this page's, and the page
 * has not already reloaded for it (a reload that did not bring it in would otherwise repeat).
 */
export function buildReloadDue(ownEntry: string, servedEntry: string | null, history: readonly ReloadRecord[]): servedEntry is string {
  if (servedEntry === null || servedEntry === ownEntry) return false;
  return !history.some((record) => record.reason === 'build' && record.entry === servedEntry);
}
