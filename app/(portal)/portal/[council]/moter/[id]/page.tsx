import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { getMeetingView } from "@/lib/meetings/queries";
import { can } from "@/lib/authz/policy";
import { MeetingDocument } from "@/components/meetings/meeting-document";

type Props = { params: Promise<{ council: string; id: string }> };

export const metadata: Metadata = { title: "Møte" };

export default async function PortalMeetingPage({ params }: Props) {
  const { council: slug, id } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const meeting = await getMeetingView(viewer, slug, id);
  if (!meeting) notFound();
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter`}>
          Møter i {council.name}
        </Link>
        {can(viewer, "meeting.manage", council.id) && (
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/rediger`}>
            Rediger sakskart
          </Link>
        )}
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/innkalling`}>
          Innkalling
        </Link>
      </nav>
      {!meeting.noticePublished && (
        <p className="mb-4 rounded border border-amber-700 bg-amber-50 p-3">
          Utkast: innkallingen er ikke sendt, og møtet er ikke synlig for medlemmer eller offentligheten.
        </p>
      )}
      <MeetingDocument meeting={meeting} />
    </>
  );
}
