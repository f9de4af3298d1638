import { describe, expect, it } from 'vitest';
import { snapshot } from '../../../../relay/state/index.ts';
import { RESUME_MAX_AGE_MS, readResume } from '../../../../wall/kiosk/resumeState.ts';
import { NOON, newState } from '../../state/helpers.ts';

const view = snapshot(newState(), NOON);
const saved = (fields: Record<string, unknown>) => JSON.stringify({ savedAt: NOON, lang: 'en', view, ...fields });

describe('the state resumed after a self-reload', () => {
  it('givesBackARecentViewAndLanguageAsSaved', () => {
    expect(readResume(saved({}), NOON + 5_000)).toEqual({ savedAt: NOON, lang: 'en', view });
  });

  it('dropsAViewOlderThanTheResumeAge', () => {
    expect(readResume(saved({}), NOON + RESUME_MAX_AGE_MS)).not.toBeNull();
    expect(readResume(saved({}), NOON + RESUME_MAX_AGE_MS + 1)).toBeNull();
    expect(readResume(saved({}), NOON - 1)).toBeNull();
  });

  it('dropsAnythingThatIsNotASavedView', () => {
    expect(readResume(null, NOON)).toBeNull();
    expect(readResume('{"savedAt":', NOON)).toBeNull();
    expect(readResume('"text"', NOON)).toBeNull();
    expect(readResume(saved({ lang: 'fr' }), NOON)).toBeNull();
    expect(readResume(saved({ view: { seq: 1 } }), NOON)).toBeNull();
    expect(readResume(saved({ view: null }), NOON)).toBeNull();
    expect(readResume(saved({ savedAt: String(NOON) }), NOON)).toBeNull();
  });
});
