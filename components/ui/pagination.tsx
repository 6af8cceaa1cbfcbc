import { IntentLink } from "@/components/ui/intent-link";

/**
 * Previous/next links and "side X av Y" for a paged list. `href(page)` builds each page's URL so
 * the list's filters stay in it.
 */
export function Pagination({ page, pageCount, href, label = "Sider" }: { page: number; pageCount: number; href: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  const link = "underline text-brand-700";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-4">
      {page > 1 ? (
        <IntentLink className={link} href={href(page - 1)} rel="prev">
          Forrige side
        </IntentLink>
      ) : null}
      <span>
        Side {page} av {pageCount}
      </span>
      {page < pageCount ? (
        <IntentLink className={link} href={href(page + 1)} rel="next">
          Neste side
        </IntentLink>
      ) : null}
    </nav>
  );
}

/** The page number from a search parameter: a whole number from 1, anything else is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}
