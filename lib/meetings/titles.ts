import { formatDate } from "@/lib/format/dates";

/**
 * A meeting's page title, "Innkalling: Representantskapet 17. januar 2022": the browser tab and the
 * screen reader's first words must say which meeting this is (WCAG 2.4.2), and a secretariat often
 * has the notice, the agenda and the minutes of one meeting open side by side.
 */
export function meetingTitle(meeting: { bodyName: string; startsAt: Date }, document?: string): string {
  const name = `${meeting.bodyName} ${formatDate(meeting.startsAt)}`;
  return document ? `${document}: ${name}` : name;
}
