import "server-only";
import { listFeedMeetings } from "@/lib/meetings/queries";
import { calendarFeed } from "@/lib/calendar/ics";
import { publicBaseUrl } from "@/lib/server/base-url";

/** An ICS feed Outlook can subscribe to: the møteplan of a council or one body, public data only. */
export async function feedResponse(councilSlug: string, bodyAbbreviation?: string): Promise<Response> {
  const feed = await listFeedMeetings(councilSlug, bodyAbbreviation);
  if (!feed) return new Response("Fant ikke kalenderen.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const base = await publicBaseUrl();
  const ics = calendarFeed(
    feed.name,
    feed.meetings.map((m) => ({
      uid: `${m.id}@ipr-portalen`,
      title: m.body.name,
      // The place and the link to a digital meeting are published with the notice, as the notice shows them.
      description: !m.isPublic
        ? "Innkalling er ikke sendt ennå."
        : m.noticeSentAt
          ? `${m.remoteUrl ? `Digitalt møte: ${m.remoteUrl}\n` : ""}Innkalling og saksliste: se lenken.`
          : "Referat: se lenken.",
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: m.isPublic ? m.location : null,
      url: m.isPublic ? `${base}/r/${councilSlug}/moter/${m.id}` : null,
      sequence: m.version - 1,
      cancelled: m.status === "CANCELLED",
    })),
  );
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=900" },
  });
}
