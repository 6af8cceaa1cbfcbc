import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getNoticeForViewer } from "@/lib/meetings/queries";
import { meetingTitle } from "@/lib/meetings/titles";
import { NoticeDocumentView } from "@/components/meetings/notice-document";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadNotice = cache(async (council: string, id: string) => getNoticeForViewer(await getViewer(), council, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const notice = await loadNotice(council, id);
  return { title: notice ? meetingTitle(notice.doc, "Innkalling") : "Fant ikke møtet" };
}

export default async function PortalNoticePage({ params }: Props) {
  const { council, id } = await params;
  const notice = await loadNotice(council, id);
  if (!notice) notFound();
  return (
    <>
      <nav aria-label="Dokumentvalg" className="no-print mb-4 flex flex-wrap gap-x-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${council}/moter/${id}`}>Tilbake til møtet</Link>
        <a className="underline text-brand-700" href={`/dokumenter/${council}/moter/${id}/innkalling.pdf`}>Last ned PDF</a>
        <a className="underline text-brand-700" href={`/dokumenter/${council}/moter/${id}/mote.ics`}>Legg i kalender (ICS)</a>
      </nav>
      {notice.audience === "internal" && (
        <p className="no-print mb-4 rounded border border-amber-700 bg-amber-50 p-3 text-sm">
          Intern versjon: unntatte saksdokumenter vises. Den offentlige versjonen og e-posten viser bare tittel og hjemmel.
        </p>
      )}
      <NoticeDocumentView doc={notice.doc} />
    </>
  );
}
