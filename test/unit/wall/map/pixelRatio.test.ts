import { describe, expect, it } from 'vitest';
import { pixelRatioFrom } from '../../../../wall/map/pixelRatio.ts';

describe('the drawing buffer pixel ratio', () => {
  it("uses the screen's ratio, capped at 2, when ?dpr= is absent", () => {
    expect(pixelRatioFrom('', 1)).toEqual({ pixelRatio: 1, warning: null });
    expect(pixelRatioFrom('?lang=en', 3)).toEqual({ pixelRatio: 2, warning: null });
  });

  it('takes ?dpr= as given, below or above the default cap', () => {
    expect(pixelRatioFrom('?dpr=0.5', 2).pixelRatio).toBe(0.5);
    expect(pixelRatioFrom('?wall=7680x2160&dpr=3', 1).pixelRatio).toBe(3);
  });

  it('ignores a bad ?dpr= with one line that names it', () => {
    for (const bad of ['abc', '0', '-1', '9', 'Infinity']) {
      const choice = pixelRatioFrom(`?dpr=${bad}`, 1.5);
      expect(choice.pixelRatio).toBe(1.5);
      expect(choice.warning).toMatch(new RegExp(`^wall: \\?dpr=${bad} ignored .*; using 1.5$`));
      expect(choice.warning).not.toContain('\n');
    }
  });
});
