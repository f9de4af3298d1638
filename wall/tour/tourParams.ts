// The tour named in the wall's URL (`?tour=shiquan`), started when the wall opens.

export function tourParam(search: string): string | null {
  const name = new URLSearchParams(search).get('tour')?.trim();
  return name ? name : null;
}
