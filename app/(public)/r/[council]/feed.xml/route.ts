import { getCouncilAbout } from "@/lib/councils/queries";
import { listPublications } from "@/lib/meetings/queries";
import { renderAtom } from "@/lib/calendar/atom";
import { publicBaseUrl } from "@/lib/server/base-url";
import { formatDate, formatMeetingTime } from "@/lib/format/dates";

// Atom feed of newly published notices and minutes for one council.
export async function GET(_request: Request, { params }: { params: Promise<{ council: string }> }) {
  const { council: slug } = await params;
  const council = await getCouncilAbout(slug);
  if (!council) return new Response("Fant ikke rådet.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const base = await publicBaseUrl();
  const items = await listPublications(council.id);
  const xml = renderAtom({
    id: `${base}/r/${slug}`,
    title: `${council.name} – innkallinger og referater`,
    selfUrl: `${base}/r/${slug}/feed.xml`,
    htmlUrl: `${base}/r/${slug}`,
    updated: items[0]?.at ?? new Date(0),
    entries: items.map((i) => ({
      id: `${base}/r/${slug}/moter/${i.meetingId}#${i.kind}`,
      title: `${i.title}: ${i.bodyName} ${formatDate(i.startsAt)}`,
      url: i.kind === "notice" ? `${base}/r/${slug}/moter/${i.meetingId}/innkalling` : `${base}/r/${slug}/moter/${i.meetingId}`,
      updated: i.at,
      summary: i.kind === "notice" ? `Innkalling til møte ${formatMeetingTime(i.startsAt)}${i.location ? `, ${i.location}` : ""}.` : `${i.title} fra møtet ${formatDate(i.startsAt)} er godkjent og publisert.`,
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
