import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { listMeetingsForCouncil } from "@/lib/meetings/queries";
import { MeetingList } from "@/components/meetings/meeting-list";

type Props = { params: Promise<{ council: string }> };

export const metadata: Metadata = { title: "Møter" };

export default async function MeetingsPage({ params }: Props) {
  const { council: slug } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const meetings = await listMeetingsForCouncil(viewer, council.id);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Møter</h1>
      <p className="mb-6 text-slate-700">{council.name}</p>
      <MeetingList meetings={meetings} councilSlug={council.slug} empty="Ingen møter ennå." />
    </>
  );
}
