import type { Metadata } from "next";
import { councilPageMetadata } from "@/lib/councils/metadata";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { can } from "@/lib/authz/policy";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { listBodiesForMeetingForm } from "@/lib/meetings/queries";
import { NewMeetingForm, MeetingPlanForm } from "./meeting-forms";

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params, "Nytt møte");

type Props = { params: Promise<{ council: string }> };

export default async function NewMeetingPage({ params }: Props) {
  const { council: slug } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  if (!can(viewer, "meeting.manage", council.id)) forbidden();
  const bodies = await listBodiesForMeetingForm(viewer, council.id);
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter`}>Møter i {council.name}</Link>
      </nav>
      <h1 className="text-3xl font-semibold mb-6">Nytt møte</h1>
      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="enkelt">
          <h2 id="enkelt" className="text-xl font-semibold mb-3">Ett møte</h2>
          <NewMeetingForm bodies={bodies} />
        </section>
        <section aria-labelledby="plan">
          <h2 id="plan" className="text-xl font-semibold mb-3">Møteplan for et år</h2>
          <MeetingPlanForm bodies={bodies} />
        </section>
      </div>
    </>
  );
}
