import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getMeetingView } from "@/lib/meetings/queries";
import { formatDate } from "@/lib/format/dates";
import { MeetingDocument } from "@/components/meetings/meeting-document";

type Props = { params: Promise<{ council: string; id: string }> };

// Always the public version, also for signed-in users: what the law lets anyone read.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const m = await getMeetingView(null, council, id);
  return m
    ? {
        title: `${m.body.name} ${formatDate(m.startsAt)}`,
        description: `Saksliste${m.minutes ? " og referat" : ""} for møtet i ${m.body.name}, ${m.council.name}.`,
        alternates: { canonical: `/r/${council}/moter/${id}` },
      }
    : {};
}

export default async function PublicMeetingPage({ params }: Props) {
  const { council, id } = await params;
  const meeting = await getMeetingView(null, council, id);
  if (!meeting) notFound();
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/r/${council}`}>
          {meeting.council.name}
        </Link>
      </nav>
      <MeetingDocument meeting={meeting} />
    </>
  );
}
