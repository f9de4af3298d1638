import { describe, expect, it } from 'vitest';
import { buildReloadDue, moduleEntry } from '../../../../wall/kiosk/buildEntry.ts';

const BASE = 'http://wall.local:8080/';
const BUILT = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <script type="module" crossorigin src="./assets/index-BNNUvyOe.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/expression-C4x9yiMU.js">
  </head>
  <body><div id="app"></div></body>
</html>`;

describe('which build an index.html starts', () => {
  it('findsTheModuleEntryOfAViteBuildAsAnAbsoluteUrl', () => {
    expect(moduleEntry(BUILT, BASE)).toBe('http://wall.local:8080/assets/index-BNNUvyOe.js');
  });

  it('resolvesTheEntryAgainstTheIndexUrlNotTheQuery', () => {
    expect(moduleEntry(BUILT, 'http://wall.local/wall/?lang=en')).toBe('http://wall.local/wall/assets/index-BNNUvyOe.js');
  });

  it('readsAttributesInAnyOrderCaseAndQuoting', () => {
    expect(moduleEntry(`<SCRIPT src='/a/main-1.js' TYPE=module></SCRIPT>`, BASE)).toBe('http://wall.local:8080/a/main-1.js');
    expect(moduleEntry('<script defer src=./x.js type="Module">', BASE)).toBe('http://wall.local:8080/x.js');
  });

  it('skipsClassicAndInlineScriptsForTheFirstModuleWithASource', () => {
    const html = '<script src="./legacy.js"></script><script type="module">import "./inline.js"</script><script type="module" src="./entry-2.js"></script>';
    expect(moduleEntry(html, BASE)).toBe('http://wall.local:8080/entry-2.js');
  });

  it('findsNoneInAPageWithoutAModuleScript', () => {
    expect(moduleEntry('<html><body>502 Bad Gateway</body></html>', BASE)).toBeNull();
    expect(moduleEntry('', BASE)).toBeNull();
    expect(moduleEntry('<script type="module" src="">', BASE)).toBeNull();
  });
});

describe('whether a served build calls for a reload', () => {
  const own = 'http://wall.local/assets/index-old.js';
  const served = 'http://wall.local/assets/index-new.js';

  it('reloadsForAnotherEntry', () => {
    expect(buildReloadDue(own, served, [])).toBe(true);
  });

  it('staysForItsOwnEntryOrWhenNoneWasRead', () => {
    expect(buildReloadDue(own, own, [])).toBe(false);
    expect(buildReloadDue(own, null, [])).toBe(false);
  });

  it('neverReloadsTwiceForTheSameBuild', () => {
    expect(buildReloadDue(own, served, [{ reason: 'build', at: 1, entry: served }])).toBe(false);
    expect(buildReloadDue(own, served, [{ reason: 'build', at: 1, entry: 'http://wall.local/assets/index-older.js' }])).toBe(true);
    expect(buildReloadDue(own, served, [{ reason: 'heap', at: 1 }])).toBe(true);
  });
});
