import type { Metadata } from "next";
import { councilPageMetadata } from "@/lib/councils/metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { listMeetingsForCouncil } from "@/lib/meetings/queries";
import { MeetingList } from "@/components/meetings/meeting-list";

type Props = { params: Promise<{ council: string }> };

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params);

export default async function CouncilPortalPage({ params }: Props) {
  const { council: slug } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const meetings = await listMeetingsForCouncil(viewer, council.id);
  const now = new Date();
  const upcoming = meetings.filter((m) => m.startsAt >= now).reverse();
  return (
    <>
      <h1 className="text-3xl font-semibold mb-6">{council.name}</h1>
      <section aria-labelledby="kommende" className="mb-8">
        <h2 id="kommende" className="text-xl font-semibold mb-2">Kommende møter</h2>
        <MeetingList meetings={upcoming} councilSlug={council.slug} empty="Ingen kommende møter." />
      </section>
      <ul className="flex flex-wrap gap-4">
        <li>
          <Link className="underline text-brand-700" href={`/portal/${council.slug}/moter`}>Alle møter</Link>
        </li>
        <li>
          <Link className="underline text-brand-700" href={`/portal/${council.slug}/oppfolging`}>Oppfølging</Link>
        </li>
        <li>
          <Link className="underline text-brand-700" href={`/r/${council.slug}`}>Rådets offentlige side</Link>
        </li>
      </ul>
    </>
  );
}
