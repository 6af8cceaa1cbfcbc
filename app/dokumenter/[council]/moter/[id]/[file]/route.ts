import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/authz/viewer";
import { getNoticeForViewer } from "@/lib/meetings/queries";
import { renderNoticePdf } from "@/lib/documents/notice-pdf";
import { meetingToIcs } from "@/lib/calendar/ics";
import { safeDownloadName } from "@/lib/attachments/validate";
import { publicBaseUrl } from "@/lib/server/base-url";
import { formatShortDate } from "@/lib/format/dates";
import { getMinutesForViewer } from "@/lib/minutes/queries";
import { renderMinutesPdf } from "@/lib/documents/minutes-pdf";

const notFound = () => new Response("Fant ikke dokumentet.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// innkalling.pdf, referat.pdf and mote.ics for one meeting, with the same access rules as the pages.
export async function GET(request: NextRequest, { params }: { params: Promise<{ council: string; id: string; file: string }> }) {
  const { council, id, file } = await params;
  const forcePublic = request.nextUrl.searchParams.get("offentlig") === "1";
  if (file === "referat.pdf") {
    const minutes = await getMinutesForViewer(forcePublic ? null : await getViewer(), council, id, { forcePublic });
    if (!minutes) return notFound();
    const { doc } = minutes;
    const pdf = await renderMinutesPdf(doc);
    // Only approved, published minutes in their public version may sit in shared caches.
    const shared = minutes.audience === "public" && doc.status === "APPROVED" && doc.publishedAt !== null;
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; ${safeDownloadName(`${doc.documentTitle} ${doc.bodyName} ${formatShortDate(doc.startsAt)}.pdf`)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": shared ? "public, max-age=300" : "private, no-store",
      },
    });
  }
  const notice = await getNoticeForViewer(await getViewer(), council, id, { forcePublic, baseUrl: await publicBaseUrl() });
  if (!notice) return notFound();
  const { doc } = notice;
  const private_ = notice.audience === "internal";
  const cache = private_ ? "private, no-store" : "public, max-age=300";
  if (file === "innkalling.pdf") {
    const pdf = await renderNoticePdf(doc);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; ${safeDownloadName(`Innkalling ${doc.bodyName} ${formatShortDate(doc.startsAt)}.pdf`)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": cache,
      },
    });
  }
  if (file === "mote.ics") {
    const ics = meetingToIcs({
      uid: `${doc.meetingId}@ipr-portalen`,
      title: `${doc.bodyName} – ${doc.councilName}`,
      // The Teams link where Outlook shows it, also when the meeting has a room as well.
      description: [...(doc.remoteUrl ? [`Digitalt møte: ${doc.remoteUrl}`, ""] : []), ...doc.items.map((i) => `${i.numberLabel ?? ""} ${i.title}`.trim())].join("\n"),
      startsAt: doc.startsAt,
      endsAt: doc.endsAt,
      location: doc.location && doc.remoteUrl ? `${doc.location} / ${doc.remoteUrl}` : (doc.location ?? doc.remoteUrl),
      url: doc.url,
      // One above the invitations sent (version − 1), as the cancellation sent to them is.
      sequence: doc.cancelled ? doc.version : Math.max(0, doc.version - 1),
      cancelled: doc.cancelled !== null,
      method: "PUBLISH",
    });
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; ${safeDownloadName(`mote-${formatShortDate(doc.startsAt)}.ics`)}`,
        "Cache-Control": cache,
      },
    });
  }
  return notFound();
}
