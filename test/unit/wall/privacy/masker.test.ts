import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../wall/i18n/messages.ts';
import { maskerFor } from '../../../../wall/privacy/masker.ts';
import { readUrlParams } from '../../../../wall/ui/urlParams.ts';

describe('what privacy mode shows of event texts', () => {
  it('showsEverythingAsItIsWhenOff', () => {
    const masker = maskerFor(false);
    expect(masker.place('岚皋大楼小区')).toBe('岚皋大楼小区');
    expect(masker.note('沪A·12345 违停', 'zh')).toBe('沪A·12345 违停');
  });

  it('hidesNotesEntirelyBehindAPlaceholderInTheWallsLanguage', () => {
    const masker = maskerFor(true);
    expect(masker.note('岚皋大楼小区 3 号楼 沪A·12345', 'zh')).toBe(MESSAGES.noteHidden.zh);
    expect(masker.note('anything at all', 'en')).toBe(MESSAGES.noteHidden.en);
    expect(masker.note(null, 'zh')).toBeNull();
  });

  it('masksPlacesWhenOn', () => {
    expect(maskerFor(true).place('岚皋大楼小区')).toBe('××小区');
  });

  it.each([
    ['?privacy=1', true],
    ['?lang=en&privacy=true', true],
    ['?privacy=0', false],
    ['?privacy', false],
    ['', false],
  ])('reads %s from the URL as %s', (search, on) => {
    expect(readUrlParams(search).privacy).toBe(on);
  });
});
