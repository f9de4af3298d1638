import { describe, expect, it } from 'vitest';
import { isBrowserShortcut } from '../../../../wall/kiosk/shortcuts.ts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('browser keys the kiosk swallows', () => {
  it('swallowsPrintSaveFindAndZoomWithCtrlOrCommand', () => {
    for (const key of ['p', 'P', 's', 'o', 'f', 'd', 'u', '+', '-', '0']) {
      expect(isBrowserShortcut(press(key, { ctrlKey: true }))).toBe(true);
    }
    expect(isBrowserShortcut(press('p', { metaKey: true }))).toBe(true);
  });

  it('swallowsHelpFindNextAndCaretBrowsing', () => {
    expect(isBrowserShortcut(press('F1'))).toBe(true);
    expect(isBrowserShortcut(press('F7'))).toBe(true);
  });

  it('leavesTheWallsOwnKeysAndReloadAlone', () => {
    for (const key of ['l', 'h', 't', 'b', 'r', 'p', 'f', 'c', 'PageDown', 'ArrowLeft', 'Escape', 'F5']) {
      expect(isBrowserShortcut(press(key))).toBe(false);
    }
    expect(isBrowserShortcut(press('r', { ctrlKey: true }))).toBe(false);
  });
});
