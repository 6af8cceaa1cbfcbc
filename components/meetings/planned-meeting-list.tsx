import { formatMeetingTime } from "@/lib/format/dates";

// The møteplan's meetings without a notice: time and body only, unlinked, as the ICS feed has them.
export function PlannedMeetingList({ meetings }: { meetings: { id: string; startsAt: Date; body: { name: string } }[] }) {
  return (
    <ul className="list-disc pl-6">
      {meetings.slice(0, 10).map((m) => (
        <li key={m.id}>
          {formatMeetingTime(m.startsAt)} – {m.body.name}
        </li>
      ))}
    </ul>
  );
}
