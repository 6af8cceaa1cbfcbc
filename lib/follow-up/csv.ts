import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/follow-up/schemas";

// CSV for Norwegian Excel: UTF-8 with a byte order mark (without it Excel reads æøå as cp1252),
// semicolons (Excel in Norwegian locale splits on ";", since "," is the decimal sign), CRLF line
// ends, and dates as dd.mm.yyyy.

export const CSV_BOM = "\uFEFF";

export type CsvRow = {
  title: string;
  status: ActionStatus;
  responsible: string;
  dueDate: Date | null;
  caseLabel: string | null;
  bodyName: string | null;
  meetingDate: Date | null;
  councilName: string;
  measureTitle: string | null;
  closedAt: Date | null;
  outcomeNote: string | null;
};

const HEADER = ["Oppfølgingspunkt", "Status", "Ansvarlig", "Frist", "Sak", "Organ", "Møtedato", "Råd", "Tiltak", "Lukket", "Resultat"];

/** Calendar dates (due dates) are UTC midnight; instants (meetings, closing) are shown in Oslo time. */
const calendarDate = (d: Date | null) => (d ? format(new TZDate(d, "UTC"), "dd.MM.yyyy") : "");
const osloDate = (d: Date | null) => (d ? format(new TZDate(d, "Europe/Oslo"), "dd.MM.yyyy") : "");

export function csvField(value: string): string {
  // A leading =, +, - or @ would make Excel evaluate the cell as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function actionItemsCsv(rows: CsvRow[]): string {
  const lines = [HEADER, ...rows.map((r) => [
    r.title,
    ACTION_STATUS_LABELS[r.status],
    r.responsible,
    calendarDate(r.dueDate),
    r.caseLabel ?? "",
    r.bodyName ?? "",
    osloDate(r.meetingDate),
    r.councilName,
    r.measureTitle ?? "",
    osloDate(r.closedAt),
    r.outcomeNote ?? "",
  ])];
  return CSV_BOM + lines.map((cells) => cells.map(csvField).join(";")).join("\r\n") + "\r\n";
}
