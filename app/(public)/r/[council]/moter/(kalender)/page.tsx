import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCouncilAbout } from "@/lib/councils/queries";
import { BodySelect } from "@/components/meetings/body-select";
import { listBodies, listMeetingsForCouncil, listPlannedMeetingTimes } from "@/lib/meetings/queries";
import { MonthCalendar, isMonth } from "@/components/meetings/month-calendar";
import { PlannedMeetingList } from "@/components/meetings/planned-meeting-list";
import { dateToOsloInputs, formatMeetingTime } from "@/lib/format/dates";
import { queryParam } from "@/lib/query-param";

type Props = { params: Promise<{ council: string }>; searchParams: Promise<{ organ?: string | string[]; maned?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council } = await params;
  const c = await getCouncilAbout(council);
  return c ? { title: `Møter – ${c.name}`, description: `Møtekalender og kommende møter i ${c.name}, med innkallinger når de er sendt.`, alternates: { canonical: `/r/${c.slug}/moter` } } : { title: "Fant ikke siden" };
}

// The public meeting calendar: meetings whose notice is sent (kommuneloven § 11-3) with their pages,
// and the rest of the møteplan as times only, as the ICS feed has it.
export default async function PublicMeetingsPage({ params, searchParams }: Props) {
  const { council: slug } = await params;
  const sp = await searchParams;
  const [organ, maned] = [queryParam(sp.organ), queryParam(sp.maned)];
  const council = await getCouncilAbout(slug);
  if (!council) notFound();
  const bodyAbbreviation = organ || undefined;
  const now = new Date();
  const [meetings, bodies, plannedAhead] = await Promise.all([
    listMeetingsForCouncil(null, council.id, { publicOnly: true, bodyAbbreviation }),
    listBodies(council.id),
    listPlannedMeetingTimes(council.id, { bodyAbbreviation, from: now }),
  ]);
  const upcoming = meetings.filter((m) => m.startsAt >= now && m.status !== "CANCELLED").reverse();
  const month = isMonth(maned) ? maned : dateToOsloInputs(upcoming[0]?.startsAt ?? plannedAhead[0]?.startsAt ?? now).date.slice(0, 7);
  const [published, planned] = await Promise.all([
    listMeetingsForCouncil(null, council.id, { publicOnly: true, bodyAbbreviation, month }),
    listPlannedMeetingTimes(council.id, { bodyAbbreviation, month }),
  ]);
  const inMonth = [...published, ...planned];
  const href = (m: string) => {
    const p = new URLSearchParams({ maned: m });
    if (organ) p.set("organ", organ);
    return `/r/${slug}/moter?${p}`;
  };
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Møter</h1>
      <p className="mb-4 text-slate-700">{council.name}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <BodySelect bodies={bodies} value={organ} />
        {/* A month to jump to: twenty years of meetings are not to be reached month by month. */}
        <div>
          <label htmlFor="maned" className="block font-medium mb-1">
            Måned
          </label>
          <input id="maned" name="maned" type="month" defaultValue={month} min="2000-01" max="2099-12" className="rounded border border-slate-400 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-slate-500 px-3 py-2 hover:bg-slate-100">
          Vis
        </button>
      </form>
      <section aria-labelledby="kommende" className="mb-8">
        <h2 id="kommende" className="text-xl font-semibold mb-2">
          Kommende møter
        </h2>
        {upcoming.length === 0 ? (
          <p>Ingen kommende møter med utsendt innkalling.</p>
        ) : (
          <ul className="space-y-3">
            {upcoming.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <Link className="font-semibold underline text-brand-700" href={`/r/${slug}/moter/${m.id}`}>
                  {m.body.name}
                </Link>
                <p className="text-sm">
                  {formatMeetingTime(m.startsAt, m.endsAt)}
                  {m.location && ` · ${m.location}`}
                </p>
                <Link className="text-sm underline text-brand-700" href={`/r/${slug}/moter/${m.id}/innkalling`}>
                  Innkalling og saksliste
                </Link>
              </li>
            ))}
          </ul>
        )}
        {plannedAhead.length > 0 && (
          <>
            <h3 className="mt-4 mb-1 font-semibold">Planlagt, innkalling ikke sendt</h3>
            <PlannedMeetingList meetings={plannedAhead} />
          </>
        )}
      </section>
      <section aria-label="Månedskalender">
        <MonthCalendar month={month} meetings={inMonth} hrefFor={(id) => `/r/${slug}/moter/${id}`} monthHref={href} />
      </section>
    </>
  );
}
