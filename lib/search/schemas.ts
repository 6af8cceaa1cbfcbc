import { z } from "zod";

// The search page's query string. Parameter names are Norwegian because they show in shared links:
// /sok?q=samling&rad=ringeriksregionen&organ=…&ar=2022&type=vedtak&fokus=…&side=2

export const SEARCH_TYPES = ["sak", "vedtak", "referat", "innkalling", "plan"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  sak: "Sak",
  vedtak: "Vedtak",
  referat: "Referat",
  innkalling: "Innkalling",
  plan: "Plan",
};

export const PAGE_SIZE = 20;
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 200;
// Deep pages are never useful and each costs a full ranking: refine the search instead.
const MAX_PAGE = 50;

const id = z.string().trim().regex(/^[a-z0-9]{1,40}$/i, "Ukjent verdi i filteret.");

export const searchParamsSchema = z.object({
  q: z
    .string()
    // Control characters (NUL, which PostgreSQL refuses, and the snippet sentinels) become spaces.
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(MIN_QUERY_LENGTH, `Skriv minst ${MIN_QUERY_LENGTH} tegn.`)
        .max(MAX_QUERY_LENGTH, `Søket kan være høyst ${MAX_QUERY_LENGTH} tegn.`),
    ),
  rad: z.string().trim().regex(/^[a-z0-9-]{1,80}$/, "Ukjent råd.").optional(),
  organ: id.optional(),
  ar: z.coerce.number({ error: "Årstallet må være et tall." }).int("Årstallet må være et helt tall.").min(1900, "Velg et årstall etter 1900.").max(2200, "Velg et årstall før 2200.").optional(),
  type: z.enum(SEARCH_TYPES, { error: "Ukjent type." }).optional(),
  fokus: id.optional(),
  side: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
});

export type SearchQuery = z.output<typeof searchParamsSchema>;

type RawParams = Record<string, string | string[] | undefined>;

/** What the user typed, for refilling the form: the first value of each parameter, or "". */
export function formValues(raw: RawParams) {
  const first = (k: string) => {
    const v = raw[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  return { q: first("q"), rad: first("rad"), organ: first("organ"), ar: first("ar"), type: first("type"), fokus: first("fokus"), side: first("side") };
}

export type SearchForm = ReturnType<typeof formValues>;

export type ParsedSearch =
  | { state: "empty"; values: SearchForm }
  | { state: "invalid"; values: SearchForm; errors: Partial<Record<keyof SearchForm, string>> }
  | { state: "ok"; values: SearchForm; query: SearchQuery };

/** No query at all is not an error: the page then shows only the form. Empty filters count as unset. */
export function parseSearchParams(raw: RawParams): ParsedSearch {
  const values = formValues(raw);
  if (!values.q.trim()) return { state: "empty", values };
  const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
  const parsed = searchParamsSchema.safeParse(input);
  if (parsed.success) return { state: "ok", values, query: parsed.data };
  const errors: Partial<Record<keyof SearchForm, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof SearchForm;
    errors[key] ??= issue.message;
  }
  return { state: "invalid", values, errors };
}

/**
 * The words of a query for the substring (trigram) match: websearch syntax removed (quotes, "or",
 * excluded words), words shorter than three characters left out, since no trigram can find them.
 */
export function substringTerms(q: string): string[] {
  const terms: string[] = [];
  for (const token of q.split(/\s+/)) {
    if (!token || token.startsWith("-") || token.toLowerCase() === "or") continue;
    const word = token.replace(/^["'«»“”]+|["'«»“”]+$/g, "");
    if ([...word].length >= 3 && !terms.includes(word.toLowerCase())) terms.push(word.toLowerCase());
  }
  return terms.slice(0, 6);
}

/** A LIKE pattern matching the term anywhere; the term's own %, _ and \ are taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type CaseNumberQuery = { number: number; year: number; rest: string };

// "4/22", "Sak 4/22", "sak 4/2022", "styresak 03/25", "sak nr. 12/21": the number as series formats
// print it (lib/cases/case-number.ts). Digits or a slash on either side make it something else: a
// date ("1/2/2022"), a fraction of a larger number ("1234/22").
const CASE_NUMBER = /(?<![\p{L}\p{N}/])(?:[\p{L}-]*sak\s*(?:nr\.?\s*)?)?(\d{1,3})\/(\d{2}|\d{4})(?![\p{L}\p{N}/])/giu;

/**
 * The first case number in a query, and the query without it (and without its "sak"), whose words
 * are then searched as usual. A two-digit year is this century's up to 69, the last one's from 70:
 * formats print the year as two digits, and the archives go back to the regional councils of the 1990s.
 */
export function parseCaseNumber(q: string): CaseNumberQuery | null {
  for (const m of q.matchAll(CASE_NUMBER)) {
    const number = Number(m[1]);
    const yy = Number(m[2]);
    const year = m[2].length === 4 ? yy : yy < 70 ? 2000 + yy : 1900 + yy;
    if (number < 1 || year < 1900 || year >= 2200) continue;
    const rest = `${q.slice(0, m.index)} ${q.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim();
    return { number, year, rest };
  }
  return null;
}
