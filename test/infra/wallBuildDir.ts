// Where the browser and fault projects build the wall and serve it from: dist/wall, or
// WALL_BUILD_DIR, so that two test runs sharing a working tree do not rebuild under each other.
import { fileURLToPath } from 'node:url';

export const WALL_BUILD_DIR = process.env.WALL_BUILD_DIR?.trim() || fileURLToPath(new URL('../../dist/wall', import.meta.url));
