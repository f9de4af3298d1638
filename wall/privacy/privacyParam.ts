// Privacy mode from the URL: `?privacy=1` (or `true`) starts the wall with names, plates and notes
// masked, so a public demo never shows them, not even for the first second.

export function privacyRequested(search: string): boolean {
  const value = new URLSearchParams(search).get('privacy');
  return value === '1' || value === 'true';
}
