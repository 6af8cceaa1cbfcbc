import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getNoticeForViewer } from "@/lib/meetings/queries";
import { meetingTitle } from "@/lib/meetings/titles";
import { NoticeDocumentView } from "@/components/meetings/notice-document";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadPublicNotice = cache((council: string, id: string) => getNoticeForViewer(null, council, id, { forcePublic: true }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const notice = await loadPublicNotice(council, id);
  return { title: notice ? meetingTitle(notice.doc, "Innkalling") : "Fant ikke møtet", alternates: { canonical: `/r/${council}/moter/${id}/innkalling` } };
}

// Always the public version: exempt items show only title and legal basis.
export default async function PublicNoticePage({ params }: Props) {
  const { council, id } = await params;
  const notice = await loadPublicNotice(council, id);
  if (!notice) notFound();
  return (
    <>
      <nav aria-label="Dokumentvalg" className="no-print mb-4 flex flex-wrap gap-x-4 text-sm">
        <Link className="underline text-brand-700" href={`/r/${council}/moter/${id}`}>Møtesiden</Link>
        <a className="underline text-brand-700" href={`/dokumenter/${council}/moter/${id}/innkalling.pdf?offentlig=1`}>Last ned PDF</a>
        <a className="underline text-brand-700" href={`/dokumenter/${council}/moter/${id}/mote.ics`}>Legg i kalender (ICS)</a>
      </nav>
      <NoticeDocumentView doc={notice.doc} />
    </>
  );
}
