/**
 * One value of a query-string parameter as a page reads it: Next passes a repeated key
 * (`?organ=AU&organ=RS`) as an array, and PostgreSQL refuses a NUL in text. The first value then,
 * and none when it is empty or holds a NUL, so a hand-edited address lists unfiltered instead of failing.
 */
export function queryParam(v: string | string[] | undefined): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  return first && !first.includes("\0") ? first : undefined;
}
