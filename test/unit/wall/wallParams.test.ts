import { describe, expect, it } from 'vitest';
import { readWallParams } from '../../../wall/store/wallParams.ts';

describe('the wall URL', () => {
  it('startsInChineseWithNoToken', () => {
    expect(readWallParams('')).toEqual({ token: null, lang: 'zh' });
  });

  it('readsTheTokenAndEnglish', () => {
    expect(readWallParams('?token=s3cret%20x&lang=en')).toEqual({ token: 's3cret x', lang: 'en' });
  });

  it('ignoresAnUnknownLanguageAndAnEmptyToken', () => {
    expect(readWallParams('?lang=fr&token=')).toEqual({ token: null, lang: 'zh' });
  });
});
