import type { ViewerCouncil } from "@/lib/authz/policy";

// A plain GET form: works without JavaScript and never changes page on a mere arrow key.
export function CouncilSwitcher({ councils, currentSlug }: { councils: ViewerCouncil[]; currentSlug?: string }) {
  return (
    <form action="/portal/velg-rad" method="get" className="flex items-center gap-2">
      <label htmlFor="velg-rad" className="sr-only">
        Velg råd
      </label>
      <select
        id="velg-rad"
        name="rad"
        defaultValue={currentSlug}
        className="max-w-[11rem] rounded border border-white/70 bg-brand-800 px-2 py-1 text-white"
      >
        {councils.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-white/70 px-2 py-1 hover:bg-white hover:text-brand-900">
        Bytt råd
      </button>
    </form>
  );
}
