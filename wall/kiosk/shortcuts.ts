// Browser keys that open a dialog, a panel or another page (print, save, open, find, bookmark,
// history, downloads, source, help, caret browsing) or zoom the page; the kiosk swallows them so
// a presenter clicker or a stray keyboard cannot put one over the wall. Pure.
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const WITH_CTRL = new Set(['p', 's', 'o', 'f', 'g', 'd', 'h', 'j', 'u', '+', '-', '=', '0']);
const ALONE = new Set(['F1', 'F3', 'F7']);

export function isBrowserShortcut({ key, ctrlKey, metaKey, altKey }: KeyPress): boolean {
  if (ctrlKey || metaKey) return WITH_CTRL.has(key.toLowerCase());
  return !altKey && ALONE.has(key);
}
