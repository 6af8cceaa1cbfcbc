import "server-only";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

const FILTERS = ["created_since", "created_until", "modified_since", "modified_until"] as const;
type Filter = (typeof FILTERS)[number];

export type ListQuery = {
  page: number;
  limit: number;
  /** Only the parameters the client gave, so links repeat them as given. */
  limitGiven: boolean;
  filters: Partial<Record<Filter, Date>>;
  rawFilters: Partial<Record<Filter, string>>;
};

export class BadQueryError extends Error {}

const positiveInt = (raw: string) => (/^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null);

/** Reads ?page, ?limit (or OParl's elementsPerPage) and the four OParl date filters. */
export function parseListQuery(url: URL): ListQuery {
  const p = url.searchParams;
  const rawPage = p.get("page");
  const page = rawPage === null ? 1 : positiveInt(rawPage);
  if (page === null) throw new BadQueryError("Ugyldig sidenummer (page må være et heltall fra 1).");
  const rawLimit = p.get("limit") ?? p.get("elementsPerPage");
  const asked = rawLimit === null ? DEFAULT_PAGE_SIZE : positiveInt(rawLimit);
  if (asked === null) throw new BadQueryError("Ugyldig sidestørrelse (limit må være et heltall fra 1).");
  const filters: ListQuery["filters"] = {};
  const rawFilters: ListQuery["rawFilters"] = {};
  for (const f of FILTERS) {
    const v = p.get(f);
    if (v === null) continue;
    // OParl asks for a full date-time; a bare date would be read as UTC midnight and surprise someone.
    const d = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? new Date(v) : new Date(NaN);
    if (Number.isNaN(d.getTime())) throw new BadQueryError(`Ugyldig tidspunkt i ${f} (bruk ISO 8601 med klokkeslett).`);
    filters[f] = d;
    rawFilters[f] = v;
  }
  return { page, limit: Math.min(asked, MAX_PAGE_SIZE), limitGiven: rawLimit !== null, filters, rawFilters };
}

/** A where-fragment on the model's own timestamp columns for the OParl filters. */
export function timestampWhere(q: ListQuery, columns: { created: string; modified: string }): Record<string, unknown> {
  const where: Record<string, Record<string, Date>> = {};
  const add = (col: string, op: "gte" | "lte", d: Date | undefined) => {
    if (d) where[col] = { ...(where[col] ?? {}), [op]: d };
  };
  add(columns.created, "gte", q.filters.created_since);
  add(columns.created, "lte", q.filters.created_until);
  add(columns.modified, "gte", q.filters.modified_since);
  add(columns.modified, "lte", q.filters.modified_until);
  return where;
}

export type ListPage<T> = {
  data: T[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
};

export const totalPagesFor = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));

/** The OParl list envelope. `listUrl` is the list's canonical URL without query. */
export function listPage<T>(listUrl: string, q: ListQuery, total: number, data: T[]): ListPage<T> {
  const totalPages = totalPagesFor(total, q.limit);
  const pageUrl = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q.rawFilters)) params.set(k, v);
    if (q.limitGiven) params.set("limit", String(q.limit));
    if (n > 1) params.set("page", String(n));
    const s = params.toString();
    return s ? `${listUrl}?${s}` : listUrl;
  };
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: q.page, totalPages },
    links: {
      first: pageUrl(1),
      ...(q.page > 1 ? { prev: pageUrl(q.page - 1) } : {}),
      self: pageUrl(q.page),
      ...(q.page < totalPages ? { next: pageUrl(q.page + 1) } : {}),
      last: pageUrl(totalPages),
    },
  };
}
