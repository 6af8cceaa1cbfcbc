import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import Link from "next/link";
import { getViewer } from "@/lib/authz/viewer";
import { formatDate, isoDateTime } from "@/lib/format/dates";
import { listSearchFilters, search, type SearchOutcome, type SearchResult } from "@/lib/search/queries";
import { MAX_QUERY_LENGTH, SEARCH_TYPES, SEARCH_TYPE_LABELS, parseSearchParams, type SearchForm } from "@/lib/search/schemas";
import type { SnippetSegment } from "@/lib/search/snippet";

export const metadata: Metadata = {
  title: "Søk",
  description: "Søk i saker, vedtak, referater, innkallinger og planer fra de interkommunale politiske rådene.",
  alternates: { canonical: "/sok" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass = "w-full max-w-full rounded border border-slate-400 bg-white px-3 py-2";

function pageHref(values: SearchForm, side: number) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, side: side > 1 ? String(side) : "" })) if (v) p.set(k, v);
  return `/sok?${p.toString()}`;
}

// Segments, not HTML: React escapes every character of the text, only the <mark> is ours.
function Snippet({ segments }: { segments: SnippetSegment[] }) {
  if (!segments.length) return null;
  return (
    <p className="mt-1 text-slate-800">
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

function ResultItem({ r }: { r: SearchResult }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-700">{r.typeLabel}</p>
      <h3 className="text-lg font-semibold">
        <IntentLink className="text-brand-700 underline" href={r.href}>
          {r.title}
        </IntentLink>
      </h3>
      <p className="text-sm text-slate-700">
        {[r.councilName, r.bodyName].filter(Boolean).join(" · ")}
        {r.date && (
          <>
            {" · "}
            <time dateTime={isoDateTime(r.date)}>{formatDate(r.date)}</time>
          </>
        )}
        {r.period && ` · ${r.period}`}
      </p>
      {r.exemptBasis !== null ? (
        <p className="mt-1 text-slate-800">
          Unntatt offentlighet{r.exemptBasis ? ` (${r.exemptBasis})` : ""}. Bare tittelen vises.
        </p>
      ) : (
        <Snippet segments={r.snippet} />
      )}
    </li>
  );
}

function statusText(outcome: SearchOutcome | null, q: string) {
  if (!outcome?.ok) return "";
  if (outcome.onlyCommonWords) return `«${q}» er for vanlig til å søke på alene. Legg til et ord som sier mer, for eksempel et navn eller et tema.`;
  if (outcome.total === 0) return `Ingen treff for «${q}».`;
  if (outcome.page > outcome.pageCount) return `${outcome.capped ? "Over " : ""}${outcome.total} treff for «${q}», men det er bare ${outcome.pageCount} ${outcome.pageCount === 1 ? "side" : "sider"}, ikke side ${outcome.page}.`;
  const range = outcome.pageCount > 1 ? ` Viser side ${outcome.page} av ${outcome.pageCount}.` : "";
  if (outcome.capped) return `Over ${outcome.total} treff for «${q}». De nyeste vises først; avgrens søket for å finne eldre.${range}`;
  return `${outcome.total} treff for «${q}».${range}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  const viewer = await getViewer();
  const [filters, outcome] = await Promise.all([listSearchFilters(viewer, parsed.values.rad || undefined), parsed.state === "ok" ? search(viewer, parsed.query) : Promise.resolve(null)]);
  const v = parsed.values;
  const errors: Partial<Record<keyof SearchForm, string>> = parsed.state === "invalid" ? parsed.errors : outcome && !outcome.ok ? { [outcome.field]: outcome.message } : {};
  const errorFor = (field: keyof SearchForm) =>
    errors[field] ? (
      <p id={`${field}-feil`} className="mt-1 font-medium text-red-800">
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: keyof SearchForm) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${field}-feil` } : {});
  const councilBodies = filters.councils.map((c) => ({ ...c, bodies: filters.bodies.filter((b) => b.councilSlug === c.slug) })).filter((c) => c.bodies.length);

  return (
    <>
      <h1 className="mb-2 text-3xl font-semibold">Søk</h1>
      <p className="mb-6 max-w-2xl text-slate-800">
        Søk i saker, vedtak, referater, innkallinger og planer. Du finner det du har tilgang til å lese. Deler av sammensatte ord gir også treff, og et saksnummer som «Sak 4/22» gir saken først.
      </p>
      <form method="get" action="/sok" role="search" className="mb-8 space-y-4">
        <div className="max-w-2xl">
          <label htmlFor="q" className="mb-1 block font-medium">
            Søk
          </label>
          <div className="flex gap-2">
            <input id="q" name="q" type="search" defaultValue={v.q} maxLength={MAX_QUERY_LENGTH} autoComplete="off" className={inputClass} {...invalid("q")} />
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Søk
            </button>
          </div>
          {errorFor("q")}
        </div>
        <fieldset className="flex flex-wrap items-start gap-3">
          <legend className="mb-1 font-medium">Avgrens søket</legend>
          <div className="min-w-0 max-w-full">
            <label htmlFor="rad" className="mb-1 block text-sm font-medium">
              Råd
            </label>
            <select id="rad" name="rad" defaultValue={v.rad} className={`${inputClass} sm:w-auto`} {...invalid("rad")}>
              <option value="">Alle råd</option>
              {filters.councils.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
            {errorFor("rad")}
          </div>
          <div className="min-w-0 max-w-full">
            <label htmlFor="organ" className="mb-1 block text-sm font-medium">
              Organ
            </label>
            {/* Body names are long; without a width cap the select would widen the page on a phone. */}
            <select id="organ" name="organ" defaultValue={v.organ} className={`${inputClass} sm:w-auto`} {...invalid("organ")}>
              <option value="">Alle organer</option>
              {councilBodies.map((c) => (
                <optgroup key={c.slug} label={c.name}>
                  {c.bodies.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {!v.rad && <p className="mt-1 text-sm text-slate-700">Velg et råd og søk for å velge organ.</p>}
            {errorFor("organ")}
          </div>
          <div>
            <label htmlFor="ar" className="mb-1 block text-sm font-medium">
              År
            </label>
            <select id="ar" name="ar" defaultValue={v.ar} className={inputClass} {...invalid("ar")}>
              <option value="">Alle år</option>
              {filters.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            {errorFor("ar")}
          </div>
          <div>
            <label htmlFor="type" className="mb-1 block text-sm font-medium">
              Type
            </label>
            <select id="type" name="type" defaultValue={v.type} className={inputClass} {...invalid("type")}>
              <option value="">Alle typer</option>
              {SEARCH_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SEARCH_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            {errorFor("type")}
          </div>
          <div className="min-w-0 max-w-full">
            <label htmlFor="fokus" className="mb-1 block text-sm font-medium">
              Fokusområde
            </label>
            <select id="fokus" name="fokus" defaultValue={v.fokus} className={`${inputClass} sm:w-auto`} {...invalid("fokus")}>
              <option value="">Alle fokusområder</option>
              {filters.focusAreas.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title} ({f.planTitle})
                </option>
              ))}
            </select>
            {!v.rad && <p className="mt-1 text-sm text-slate-700">Velg et råd og søk for å velge fokusområde.</p>}
            {errorFor("fokus")}
          </div>
        </fieldset>
      </form>

      <section aria-labelledby="treff">
        <h2 id="treff" className="mb-2 text-2xl font-semibold">
          Treff
        </h2>
        <p role="status" className="mb-4 text-slate-800">
          {parsed.state === "empty"
            ? "Skriv et ord eller en del av et ord for å søke."
            : parsed.state === "invalid" || (outcome && !outcome.ok)
              ? "Søket ble ikke utført. Rett feilen over og prøv igjen."
              : statusText(outcome, parsed.query.q)}
        </p>
        {outcome?.ok && outcome.total === 0 && !outcome.onlyCommonWords && (
          <p className="text-slate-800">Prøv et annet ord, en kortere del av ordet, eller fjern noen av avgrensningene.</p>
        )}
        {outcome?.ok && outcome.results.length > 0 && (
          <ol className="space-y-3">
            {outcome.results.map((r) => (
              <ResultItem key={r.key} r={r} />
            ))}
          </ol>
        )}
        {outcome?.ok && outcome.total > 0 && outcome.page > outcome.pageCount && (
          <p>
            <Link className="text-brand-700 underline" href={pageHref(v, outcome.pageCount)}>
              {outcome.pageCount === 1 ? "Vis treffene" : `Gå til side ${outcome.pageCount}, den siste`}
            </Link>
          </p>
        )}
        {outcome?.ok && outcome.pageCount > 1 && outcome.page <= outcome.pageCount && (
          <nav aria-label="Sider med treff" className="mt-6 flex flex-wrap gap-4">
            {outcome.page > 1 && (
              <Link className="text-brand-700 underline" href={pageHref(v, outcome.page - 1)}>
                Forrige side
              </Link>
            )}
            <span>
              Side {outcome.page} av {outcome.pageCount}
            </span>
            {outcome.page < outcome.pageCount && (
              <Link className="text-brand-700 underline" href={pageHref(v, outcome.page + 1)}>
                Neste side
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
