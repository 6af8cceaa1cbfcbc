import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { TZDate } from "@date-fns/tz";
import { getCouncilAbout } from "@/lib/councils/queries";
import { BodySelect } from "@/components/meetings/body-select";
import { listBodies } from "@/lib/meetings/queries";
import { PUBLISHED_MINUTES_LIMIT, listPublishedMinutes, listPublishedMinutesYears } from "@/lib/minutes/queries";
import { OSLO, formatDate } from "@/lib/format/dates";
import { queryParam } from "@/lib/query-param";

type Props = { params: Promise<{ council: string }>; searchParams: Promise<{ organ?: string | string[]; ar?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council } = await params;
  const c = await getCouncilAbout(council);
  return c ? { title: `Referatarkiv – ${c.name}`, description: `Godkjente og publiserte referater fra ${c.name}, etter organ og år.`, alternates: { canonical: `/r/${c.slug}/referater` } } : { title: "Fant ikke siden" };
}

// Says what was looked for: "for dette utvalget" after choosing only a year named no body at all.
function emptyArchiveText(bodyName: string | null, year: number | undefined): string {
  if (!bodyName && !year) return "Ingen referater er publisert ennå.";
  return `Ingen publiserte referater${bodyName ? ` fra ${bodyName}` : ""}${year ? ` i ${year}` : ""}.`;
}

export default async function PublicMinutesArchivePage({ params, searchParams }: Props) {
  const { council: slug } = await params;
  const sp = await searchParams;
  const [organ, ar] = [queryParam(sp.organ), queryParam(sp.ar)];
  const council = await getCouncilAbout(slug);
  if (!council) notFound();
  const year = /^\d{4}$/.test(ar ?? "") ? Number(ar) : undefined;
  const [rows, bodies, years] = await Promise.all([
    listPublishedMinutes(council.id, { bodyAbbreviation: organ || undefined, year }),
    listBodies(council.id),
    listPublishedMinutesYears(council.id),
  ]);
  const byYear = new Map<number, typeof rows>();
  for (const r of rows) {
    const y = new TZDate(r.startsAt, OSLO).getFullYear();
    byYear.set(y, [...(byYear.get(y) ?? []), r]);
  }
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Referatarkiv</h1>
      <p className="mb-4 text-slate-700">{council.name} – godkjente og publiserte referater</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <BodySelect bodies={bodies} value={organ} />
        <div>
          <label htmlFor="ar" className="block font-medium mb-1">
            År
          </label>
          <select id="ar" name="ar" defaultValue={year ? String(year) : ""} className="rounded border border-slate-400 bg-white px-3 py-2">
            <option value="">Alle år</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-500 px-3 py-2 hover:bg-slate-100">
          Vis
        </button>
      </form>
      {rows.length === 0 && (
        <p>
          {emptyArchiveText(bodies.find((b) => b.abbreviation === organ)?.name ?? null, year)}
          {(organ || year) && (
            <>
              {" "}
              <IntentLink className="underline text-brand-700" href={`/r/${slug}/referater`}>
                Vis alle referater
              </IntentLink>
            </>
          )}
        </p>
      )}
      {rows.length === PUBLISHED_MINUTES_LIMIT && (
        <p className="mb-4">Viser de {PUBLISHED_MINUTES_LIMIT} nyeste referatene. Velg et år for å se eldre.</p>
      )}
      {[...byYear.entries()].map(([y, list]) => (
        <section key={y} aria-labelledby={`ar-${y}`} className="mb-6">
          <h2 id={`ar-${y}`} className="text-2xl font-semibold mb-2">
            {y}
          </h2>
          <ul className="space-y-2">
            {list.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <IntentLink className="font-semibold underline text-brand-700" href={`/r/${slug}/moter/${r.id}`}>
                  {r.minutes?.documentTitle ?? "Referat"} – {r.body.name} {formatDate(r.startsAt)}
                </IntentLink>
                <p className="text-sm">
                  {r.location && `${r.location} · `}
                  <a className="underline text-brand-700" href={`/dokumenter/${slug}/moter/${r.id}/referat.pdf`}>
                    PDF
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
