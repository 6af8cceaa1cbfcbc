import type { FollowUpList } from "@/lib/meetings/notice-model";
import { ACTION_STATUS_LABELS } from "@/lib/follow-up/schemas";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";

/** "Oppfølging av vedtak" as plain lines, for the PDFs and e-mail text. */
export function followUpHeading(list: FollowUpList): string {
  return list.frozen ? `Oppfølging av vedtak – status per ${formatDate(list.asOf)}:` : `Oppfølging av vedtak – foreløpig, status per ${formatDate(list.asOf)}:`;
}

export function followUpLines(list: FollowUpList): string[] {
  if (list.rows.length === 0) return ["Ingen åpne eller nylig lukkede oppfølgingspunkter."];
  return list.rows.map((r) =>
    [
      r.title,
      [r.caseLabel, r.meetingLabel].filter(Boolean).join(", "),
      r.responsible ? `Ansvarlig: ${r.responsible}` : "",
      r.dueDate ? `Frist: ${formatCalendarDate(new Date(`${r.dueDate}T00:00:00Z`))}` : "",
      `Status: ${ACTION_STATUS_LABELS[r.status]}`,
      r.outcomeNote ? `Resultat: ${r.outcomeNote}` : "",
    ]
      .filter(Boolean)
      .join(" – "),
  );
}
