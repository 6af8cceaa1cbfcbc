import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { nb } from "date-fns/locale";

// Meetings happen in Norway: every date and time is shown in Europe/Oslo, whatever the server's zone.
export const OSLO = "Europe/Oslo";

const oslo = (d: Date) => new TZDate(d, OSLO);

// Lists print the same few dates again and again, and a time-zone-aware format is costly (a TZDate
// and date-fns' formatter per call): the text of an instant never changes, so it is kept.
// Bounded by starting over (this module also runs in the browser, where a cache library would be weight).
const formatted = new Map<string, string>();
function memo(kind: string, d: Date, make: () => string): string {
  const key = `${kind}${d.getTime()}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = make();
    if (formatted.size >= 20_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** "mandag 17. januar 2022 kl. 14.00–15.30" */
export function formatMeetingTime(start: Date, end?: Date | null): string {
  return memo(`m${end?.getTime() ?? ""}|`, start, () => meetingTime(start, end));
}

function meetingTime(start: Date, end?: Date | null): string {
  const s = oslo(start);
  const base = format(s, "EEEE d. MMMM yyyy 'kl.' HH.mm", { locale: nb });
  if (!end) return base;
  const e = oslo(end);
  const sameDay = format(s, "yyyy-MM-dd") === format(e, "yyyy-MM-dd");
  return sameDay ? `${base}–${format(e, "HH.mm")}` : `${base} – ${format(e, "EEEE d. MMMM yyyy 'kl.' HH.mm", { locale: nb })}`;
}

/** "17. januar 2022" */
export function formatDate(d: Date): string {
  return memo("d", d, () => format(oslo(d), "d. MMMM yyyy", { locale: nb }));
}

/** "17.01.2022" */
export function formatShortDate(d: Date): string {
  return memo("s", d, () => format(oslo(d), "dd.MM.yyyy"));
}

/** Calendar dates (@db.Date) are stored at UTC midnight and must not be shifted into Oslo time. */
export function formatCalendarDate(d: Date): string {
  return memo("c", d, () => format(new TZDate(d, "UTC"), "d. MMMM yyyy", { locale: nb }));
}

/** ISO date-time for <time dateTime>. */
export function isoDateTime(d: Date): string {
  return d.toISOString();
}

/** A date and a wall-clock time typed in a form, as the instant they mean in Oslo (DST-aware). */
export function osloLocalToDate(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, OSLO).getTime());
}

/**
 * Whether a wall-clock time exists on that day in Oslo. On the last Sunday of March the clocks jump
 * from 02.00 to 03.00, so "02:30" is no time at all; converted anyway it silently becomes 03.30.
 */
export function osloTimeExists(date: string, time: string): boolean {
  // Malformed input is the format checks' to report; here it must not throw.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time) || Number.isNaN(osloLocalToDate(date, time).getTime())) return true;
  const back = dateToOsloInputs(osloLocalToDate(date, time));
  return back.date === date && back.time === time;
}

/** The Oslo date ("2027-01-18") and time ("14:00") of an instant, for form fields. */
export function dateToOsloInputs(d: Date): { date: string; time: string } {
  const o = oslo(d);
  return { date: format(o, "yyyy-MM-dd"), time: format(o, "HH:mm") };
}

/** "17.01.2022 kl. 14.03.22": to the second, for logs. */
export function formatLogTime(d: Date): string {
  return format(oslo(d), "dd.MM.yyyy 'kl.' HH.mm.ss", { locale: nb });
}

/** "2022-01-17 13:03:22 UTC": the same instant as stored. */
export function formatUtcTime(d: Date): string {
  return `${format(new TZDate(d, "UTC"), "yyyy-MM-dd HH:mm:ss")} UTC`;
}

/**
 * Today's date in Oslo ("2027-01-01"). `toISOString()` gives the UTC date, which between midnight and
 * 01.00/02.00 Oslo time is still yesterday.
 */
export function osloDateString(d: Date = new Date()): string {
  return format(oslo(d), "yyyy-MM-dd");
}

/** The year an instant falls in, in Oslo: on New Year's night UTC is still in the old year. */
export function osloYearOf(d: Date = new Date()): number {
  return oslo(d).getFullYear();
}
