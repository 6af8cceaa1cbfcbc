import Link from "next/link";
import { TZDate } from "@date-fns/tz";
import { addMonths, endOfMonth, format, getISODay, startOfMonth } from "date-fns";
import { nb } from "date-fns/locale";
import { OSLO, formatDate } from "@/lib/format/dates";

// A planned meeting (public møteplan, no notice yet) is shown without a link: it has no page to open.
type Row = { id: string; startsAt: Date; status: string; planned?: boolean; body: { abbreviation: string; name: string } };

/** "2026-03" from a ?maned= parameter: anything else falls back to the default month. */
export function isMonth(v: string | undefined): v is string {
  const m = /^(\d{4})-(\d{2})$/.exec(v ?? "");
  return !!m && Number(m[1]) >= 1900 && Number(m[1]) < 2200 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

// A month as a table: screen readers get a real grid with day headers, not positioned boxes.
export function MonthCalendar({ month, meetings, hrefFor, monthHref }: { month: string; meetings: Row[]; hrefFor: (id: string) => string; monthHref: (m: string) => string }) {
  const [y, m] = month.split("-").map(Number);
  const first = startOfMonth(new TZDate(y, m - 1, 1, OSLO));
  const last = endOfMonth(first);
  const lead = getISODay(first) - 1;
  const days = last.getDate();
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const byDay = new Map<number, Row[]>();
  for (const meeting of meetings) {
    const d = new TZDate(meeting.startsAt, OSLO);
    if (d.getFullYear() === y && d.getMonth() === m - 1) byDay.set(d.getDate(), [...(byDay.get(d.getDate()) ?? []), meeting]);
  }
  const prev = format(addMonths(first, -1), "yyyy-MM");
  const next = format(addMonths(first, 1), "yyyy-MM");
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-2">
        <Link className="underline text-brand-700" href={monthHref(prev)}>Forrige måned</Link>
        <h2 className="text-xl font-semibold capitalize">{format(first, "LLLL yyyy", { locale: nb })}</h2>
        <Link className="underline text-brand-700" href={monthHref(next)}>Neste måned</Link>
      </div>
      <div>
        <table className="w-full table-fixed border-collapse text-sm">
          <thead>
            <tr>
              {["Man", "Tir", "Ons", "Tor", "Fre", "Lør", "Søn"].map((d) => (
                <th key={d} scope="col" className="border border-slate-200 bg-slate-100 p-1">{d}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((day, i) => (
                  <td key={i} className="h-20 border border-slate-200 bg-white p-1 align-top">
                    {day && (
                      <>
                        <span className="text-slate-700">{day}</span>
                        <ul>
                          {(byDay.get(day) ?? []).map((mt) => (
                            <li key={mt.id}>
                              {mt.planned ? (
                                <span className="text-slate-700">
                                  {format(new TZDate(mt.startsAt, OSLO), "HH.mm")} {mt.body.abbreviation} (planlagt)
                                  <span className="sr-only">
                                    {" "}
                                    – {mt.body.name}, {formatDate(mt.startsAt)}, innkalling ikke sendt
                                  </span>
                                </span>
                              ) : (
                                <Link className="underline text-brand-700" href={hrefFor(mt.id)}>
                                  {format(new TZDate(mt.startsAt, OSLO), "HH.mm")} {mt.body.abbreviation}
                                  {/* Read out of its table, the link must say which meeting: "14.00 AU" does not. */}
                                  <span className="sr-only">
                                    {" "}
                                    – {mt.body.name}, {formatDate(mt.startsAt)}
                                  </span>
                                  {mt.status === "CANCELLED" && " (avlyst)"}
                                </Link>
                              )}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
