import type { Metadata } from "next";
import { councilPageMetadata } from "@/lib/councils/metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { can } from "@/lib/authz/policy";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { MEETING_LIST_LIMIT, listBodies, listMeetingsForCouncil, listPlannedMeetingTimes } from "@/lib/meetings/queries";
import { MeetingList } from "@/components/meetings/meeting-list";
import { MonthCalendar, isMonth } from "@/components/meetings/month-calendar";
import { PlannedMeetingList } from "@/components/meetings/planned-meeting-list";
import { dateToOsloInputs } from "@/lib/format/dates";
import { queryParam } from "@/lib/query-param";

type Props = { params: Promise<{ council: string }>; searchParams: Promise<{ organ?: string | string[]; visning?: string | string[]; maned?: string | string[] }> };

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params, "Møter");

export default async function MeetingsPage({ params, searchParams }: Props) {
  const { council: slug } = await params;
  const sp = await searchParams;
  const [organ, visning, maned] = [queryParam(sp.organ), queryParam(sp.visning), queryParam(sp.maned)];
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const now = new Date();
  const month = isMonth(maned) ? maned : dateToOsloInputs(now).date.slice(0, 7);
  const bodyAbbreviation = organ || undefined;
  const inMonth = visning === "maned" ? month : undefined;
  // Those who see only noticed meetings still get the rest of the møteplan as times, as the public
  // calendar and the ICS feed have it: a mayor should not learn less here than a visitor does.
  const plannedToo = !can(viewer, "meeting.read.draft", council.id);
  const [meetings, bodies, planned] = await Promise.all([
    listMeetingsForCouncil(viewer, council.id, { bodyAbbreviation, month: inMonth }),
    listBodies(council.id),
    plannedToo ? listPlannedMeetingTimes(council.id, inMonth ? { bodyAbbreviation, month: inMonth } : { bodyAbbreviation, from: now }) : Promise.resolve([]),
  ]);
  const query = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ organ, visning, maned, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return `/portal/${slug}/moter${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold mb-1">Møter</h1>
          <p className="text-slate-700">{council.name}</p>
        </div>
        {can(viewer, "meeting.manage", council.id) && (
          <Link href={`/portal/${slug}/moter/ny`} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Nytt møte eller møteplan
          </Link>
        )}
      </div>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-0 max-w-full">
          <label htmlFor="organ" className="block font-medium mb-1">Organ</label>
          {/* Body names are long; without a width cap the select would widen the page on a phone. */}
          <select id="organ" name="organ" defaultValue={organ ?? ""} className="w-full max-w-full rounded border border-slate-400 bg-white px-3 py-2 sm:w-auto">
            <option value="">Alle organer</option>
            {bodies.map((b) => (
              <option key={b.abbreviation} value={b.abbreviation}>{b.name}</option>
            ))}
          </select>
        </div>
        {visning && <input type="hidden" name="visning" value={visning} />}
        <button type="submit" className="rounded border border-slate-500 px-3 py-2 hover:bg-slate-100">Vis</button>
        <nav aria-label="Visning" className="flex gap-3">
          <Link className="underline text-brand-700" aria-current={visning !== "maned" ? "page" : undefined} href={query({ visning: undefined, maned: undefined })}>Liste</Link>
          <Link className="underline text-brand-700" aria-current={visning === "maned" ? "page" : undefined} href={query({ visning: "maned" })}>Måned</Link>
        </nav>
      </form>
      {visning === "maned" ? (
        <MonthCalendar month={month} meetings={[...meetings, ...planned]} hrefFor={(id) => `/portal/${slug}/moter/${id}`} monthHref={(mm) => query({ visning: "maned", maned: mm })} />
      ) : (
        <>
          {planned.length > 0 && (
            <section aria-labelledby="planlagt" className="mb-6">
              <h2 id="planlagt" className="text-xl font-semibold mb-1">Planlagt, innkalling ikke sendt</h2>
              <PlannedMeetingList meetings={planned} />
            </section>
          )}
          {planned.length > 0 && <h2 className="text-xl font-semibold mb-2">Møter med innkalling</h2>}
          <MeetingList meetings={meetings} councilSlug={council.slug} empty="Ingen møter." />
          {meetings.length === MEETING_LIST_LIMIT && (
            <p className="mt-4 text-slate-700">
              Viser de {MEETING_LIST_LIMIT} nyeste møtene. Eldre møter finner du i{" "}
              <Link className="underline text-brand-700" href={query({ visning: "maned" })}>månedsvisningen</Link> eller i{" "}
              <Link className="underline text-brand-700" href="/sok">søket</Link>.
            </p>
          )}
        </>
      )}
    </>
  );
}
