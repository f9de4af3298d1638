// The tours shipped with the wall, by the name a URL or the T key asks for. Each is a data file
// in wall/tours/, bundled at build time and checked when it is first played (loadTour.ts).
import shiquan from '../tours/shiquan.json';

export const TOUR_FILES: Readonly<Record<string, unknown>> = { shiquan };

/** The tour the T key starts when the URL names none. */
export const DEFAULT_TOUR = 'shiquan';
