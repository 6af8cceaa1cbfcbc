import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getMeetingView } from "@/lib/meetings/queries";
import { getMinutesForViewer } from "@/lib/minutes/queries";
import { listPublicMeetingCases } from "@/lib/cases/queries";
import { meetingTitle } from "@/lib/meetings/titles";
import { MeetingDocument } from "@/components/meetings/meeting-document";
import { MinutesDocumentView } from "@/components/minutes/minutes-document";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadPublicMeeting = cache((council: string, id: string) =>
  Promise.all([getMeetingView(null, council, id), getMinutesForViewer(null, council, id, { forcePublic: true }), listPublicMeetingCases(council, id)]),
);

// Always the public version, also for signed-in users: what the law lets anyone read.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const [m, minutes] = await loadPublicMeeting(council, id);
  const body = m?.body.name ?? minutes?.doc.bodyName;
  const startsAt = m?.startsAt ?? minutes?.doc.startsAt;
  return body && startsAt
    ? {
        title: meetingTitle({ bodyName: body, startsAt }),
        description: `${minutes ? "Referat" : "Saksliste"} for møtet i ${body}.`,
        alternates: { canonical: `/r/${council}/moter/${id}` },
      }
    : { title: "Fant ikke møtet" };
}

export default async function PublicMeetingPage({ params }: Props) {
  const { council, id } = await params;
  const [meeting, minutes, cases] = await loadPublicMeeting(council, id);
  if (!meeting && !minutes) notFound();
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className="underline text-brand-700" href={`/r/${council}`}>
          {meeting?.council.name ?? minutes?.doc.councilName}
        </Link>
        {minutes && (
          <a className="underline text-brand-700" href={`/dokumenter/${council}/moter/${id}/referat.pdf?offentlig=1`}>
            Last ned referatet som PDF
          </a>
        )}
        {minutes && meeting && (
          <Link className="underline text-brand-700" href={`/r/${council}/moter/${id}/innkalling`}>
            Innkallingen
          </Link>
        )}
      </nav>
      {minutes ? <MinutesDocumentView doc={minutes.doc} /> : meeting && <MeetingDocument meeting={meeting} />}
      {cases.length > 0 && (
        <section aria-labelledby="sakene" className="mt-8">
          <h2 id="sakene" className="text-xl font-semibold mb-2">
            Sakene med saksgang og vedtak
          </h2>
          <ul className="list-disc pl-5">
            {cases.map((c) => (
              <li key={c.caseId}>
                <Link className="underline text-brand-700" href={`/r/${council}/saker/${c.caseId}`}>
                  {c.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
