import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { getMeetingView } from "@/lib/meetings/queries";
import { getMinutesForViewer, getRoundTableForViewer } from "@/lib/minutes/queries";
import { can } from "@/lib/authz/policy";
import { formatDate } from "@/lib/format/dates";
import { meetingTitle } from "@/lib/meetings/titles";
import { MeetingDocument } from "@/components/meetings/meeting-document";
import { MinutesDocumentView } from "@/components/minutes/minutes-document";
import { RoundTableForm } from "@/components/minutes/round-table-form";
import { ApproveElectronicallyForm, CommentForm } from "./minutes-reader-forms";

type Props = { params: Promise<{ council: string; id: string }>; searchParams: Promise<{ godkjent?: string }> };

const APPROVED_MESSAGES: Record<string, string> = {
  publisert: "Referatet er godkjent, låst og publisert.",
  last: "Referatet er godkjent og låst.",
};

// One load per request, shared by the metadata and the page.
const loadMeeting = cache(async (slug: string, id: string) => {
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) return null;
  const [meeting, minutes, roundTable] = await Promise.all([
    getMeetingView(viewer, slug, id),
    getMinutesForViewer(viewer, slug, id),
    getRoundTableForViewer(viewer, slug, id),
  ]);
  return { viewer, council, meeting, minutes, roundTable };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const page = await loadMeeting(council, id);
  const body = page?.meeting?.body.name ?? page?.minutes?.doc.bodyName;
  const startsAt = page?.meeting?.startsAt ?? page?.minutes?.doc.startsAt;
  return body && startsAt ? { title: meetingTitle({ bodyName: body, startsAt }) } : { title: "Fant ikke møtet" };
}

export default async function PortalMeetingPage({ params, searchParams }: Props) {
  const { council: slug, id } = await params;
  const { godkjent } = await searchParams;
  const page = await loadMeeting(slug, id);
  if (!page) notFound();
  const { viewer, council, meeting, minutes, roundTable } = page;
  if (!meeting && !minutes) notFound();
  const manage = can(viewer, "minutes.manage", council.id);
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter`}>
          Møter i {council.name}
        </Link>
        <Link className="underline text-brand-700" href={`/portal/${slug}/referater`}>
          Referater
        </Link>
        {can(viewer, "meeting.manage", council.id) && (
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/rediger`}>
            Rediger sakskart
          </Link>
        )}
        {manage && meeting?.status !== "CANCELLED" && (
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/referat`}>
            {minutes ? "Rediger referat" : "Skriv referat"}
          </Link>
        )}
        {meeting && (
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/innkalling`}>
            Innkalling
          </Link>
        )}
        {minutes && (
          <a className="underline text-brand-700" href={`/dokumenter/${slug}/moter/${id}/referat.pdf`}>
            Last ned referatet som PDF
          </a>
        )}
      </nav>
      {meeting && !meeting.noticePublished && !minutes && (
        <p className="mb-4 rounded border border-amber-700 bg-amber-50 p-3">
          Utkast: innkallingen er ikke sendt, og møtet er ikke synlig for medlemmer eller offentligheten.
        </p>
      )}

      {roundTable && (
        <section aria-labelledby="runde" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 space-y-4">
          <h2 id="runde" className="text-xl font-semibold">Runde rundt bordet: ditt innspill</h2>
          <p>Skriv inn hva din kommune vil ta opp. Innspillet merkes «innsendt» og står i referatet.</p>
          {roundTable.items.flatMap((item) =>
            item.contributions.map((c) => (
              <RoundTableForm
                key={`${item.id}-${c.organizationId}`}
                itemId={item.id}
                organizationId={c.organizationId}
                organization={c.organization}
                text={c.text}
                version={c.version}
                submittedInAdvance={c.submittedInAdvance}
                submitLabel={`Send inn for ${c.organization}`}
              />
            )),
          )}
        </section>
      )}

      {minutes?.doc.status === "APPROVED" && godkjent && APPROVED_MESSAGES[godkjent] && (
        <p role="status" className="mb-6 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {APPROVED_MESSAGES[godkjent]}
        </p>
      )}

      {minutes?.canApprove && minutes.approvalHash && (
        <section aria-labelledby="godkjenn" className="mb-6 rounded-lg border-2 border-brand-700 bg-white p-4 sm:p-6">
          <h2 id="godkjenn" className="text-xl font-semibold mb-2">Godkjenn referatet</h2>
          <ApproveElectronicallyForm meetingId={id} version={minutes.doc.version} hash={minutes.approvalHash} />
        </section>
      )}

      {minutes ? <MinutesDocumentView doc={minutes.doc} /> : meeting && <MeetingDocument meeting={meeting} />}

      {minutes?.canComment && (
        <section aria-labelledby="kommentarer" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 space-y-4">
          <h2 id="kommentarer" className="text-xl font-semibold">Kommentarer til utkastet</h2>
          {minutes.comments.length > 0 && (
            <ul className="space-y-2">
              {minutes.comments.map((c) => (
                <li key={c.id} className="rounded border border-slate-200 p-2">
                  <p className="text-sm text-slate-700">
                    {c.authorName}, {formatDate(c.createdAt)}
                  </p>
                  <p className="whitespace-pre-wrap">{c.text}</p>
                </li>
              ))}
            </ul>
          )}
          <CommentForm meetingId={id} />
        </section>
      )}
      {minutes && meeting && !manage && (
        <p className="mt-4 text-sm">
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/innkalling`}>
            Se innkallingen og sakspapirene
          </Link>
        </p>
      )}
    </>
  );
}
