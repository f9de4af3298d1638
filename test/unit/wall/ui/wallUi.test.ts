import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../../wall/i18n/lang.ts';
import { readUrlParams } from '../../../../wall/ui/urlParams.ts';
import { WallUi } from '../../../../wall/ui/wallUi.svelte.ts';

function newUi(search = '') {
  const langs = { lang: 'zh' as Lang, toggleLang: () => (langs.lang = langs.lang === 'zh' ? 'en' : 'zh') };
  return new WallUi(readUrlParams(search), langs);
}

describe("the wall's UI context", () => {
  it('readsEveryUrlParameterOnce', () => {
    const params = readUrlParams('?token=abc&lang=en&tour=%20shiquan%20&privacy=1&chime=1&buildCheckMs=1000');
    expect(params.wall).toEqual({ token: 'abc', lang: 'en' });
    expect(params.tour).toBe('shiquan');
    expect(params.privacy).toBe(true);
    expect(params.alarms.chime).toBe(true);
    expect(params.kiosk.buildCheckMs).toBe(1_000);
    expect(readUrlParams('?tour=%20').tour).toBeNull();
  });

  it('startsPrivacyModeFromTheUrlAndReadsTheLanguageWhereItIsKept', () => {
    const ui = newUi('?privacy=true');
    expect(ui.privacy.on).toBe(true);
    expect(ui.lang).toBe('zh');
    ui.toggleLang();
    expect(ui.lang).toBe('en');
  });

  it('runsAKeyCommandThroughItsOneOwnerAndNothingOnceDisowned', () => {
    const ui = newUi();
    let chimes = 0;
    const disown = ui.ownCommands({ chime: () => (chimes++, true), 'tour-next': () => false });
    expect(() => ui.ownCommands({ chime: () => true })).toThrow(/^wall: the key command "chime" has two owners$/);
    expect([ui.run('chime'), ui.run('tour-next'), ui.run('perf')]).toEqual([true, false, false]);
    disown();
    expect(ui.run('chime')).toBe(false);
    expect(chimes).toBe(1);
  });
});
