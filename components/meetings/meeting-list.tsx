import { IntentLink } from "@/components/ui/intent-link";
import { MEETING_STATUS_LABELS } from "@/lib/meetings/queries";
import { formatMeetingTime } from "@/lib/format/dates";

type Row = {
  id: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  status: string;
  body: { name: string; abbreviation: string; council?: { slug: string; name: string } };
};

export function MeetingList({ meetings, councilSlug, empty }: { meetings: Row[]; councilSlug?: string; empty: string }) {
  if (meetings.length === 0) return <p>{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {meetings.map((m) => {
        const slug = councilSlug ?? m.body.council?.slug;
        return (
          <li key={m.id} className="p-3">
            <IntentLink href={`/portal/${slug}/moter/${m.id}`} className="font-medium text-brand-700 underline">
              {m.body.name}
            </IntentLink>
            <p className="text-sm text-slate-700">
              {formatMeetingTime(m.startsAt, m.endsAt)}
              {m.location && ` · ${m.location}`} · {MEETING_STATUS_LABELS[m.status]}
              {!councilSlug && m.body.council && ` · ${m.body.council.name}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
