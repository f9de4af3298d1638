// Finding, reading and validating a profile file. `historical` and `load` name the bundled
// profiles; anything else is a path. Every failure is one line that names the file and field.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProfile } from './checks.ts';
import { formatIssue } from './formatIssue.ts';
import { profileSchema, type Profile } from './schema.ts';

const BUNDLED_PROFILES = ['historical', 'load'] as const;

const PROFILES_DIR = new URL('../profiles/', import.meta.url);

/** A profile that cannot be used; the message is one line meant for the tester. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

interface ProfileFile {
  path: string;
  /** How errors name the file. */
  label: string;
}

export function locateProfile(nameOrPath: string): ProfileFile {
  if ((BUNDLED_PROFILES as readonly string[]).includes(nameOrPath)) {
    const path = fileURLToPath(new URL(`${nameOrPath}.json`, PROFILES_DIR));
    return { path, label: basename(path) };
  }
  return { path: nameOrPath, label: nameOrPath };
}

/** Validates parsed JSON as a profile; throws a ProfileError naming `label` and the field. */
export function parseProfile(json: unknown, label: string): Profile {
  const result = profileSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ProfileError(`profile ${label}: ${issue ? formatIssue(issue) : 'is not valid'}`);
  }
  const [problem] = checkProfile(result.data);
  if (problem) throw new ProfileError(`profile ${label}: ${problem.path} ${problem.message}`);
  return result.data;
}

export async function readProfile(nameOrPath: string): Promise<Profile> {
  const { path, label } = locateProfile(nameOrPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `file not found (bundled profiles: ${BUNDLED_PROFILES.join(', ')})`
        : `cannot be read (${code ?? String(error)})`;
    throw new ProfileError(`profile ${label}: ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`profile ${label}: is not valid JSON (${(error as Error).message})`);
  }
  return parseProfile(json, label);
}
