import { MEASURE_STATUS_LABELS, MEASURE_STATUSES, type MeasureStatus } from "@/lib/plans/schemas";
import type { StatusCounts } from "@/lib/plans/report";
import { TableScroll } from "@/components/ui/table-scroll";

// Progress per focus area as stacked bars. The bars are decoration for sighted readers; the table
// under them carries the same numbers for everyone (and is what screen readers get). Segments are
// told apart by pattern and by the legend's text, not by colour alone.
const FILL: Record<MeasureStatus, string> = {
  DONE: "bg-green-800",
  ONGOING: "bg-brand-700",
  PLANNED: "bg-slate-400",
  POSTPONED: "bg-amber-600 bg-[repeating-linear-gradient(45deg,transparent_0_4px,rgba(255,255,255,.55)_4px_7px)]",
  CANCELLED: "bg-slate-200 bg-[repeating-linear-gradient(-45deg,transparent_0_3px,rgba(0,0,0,.35)_3px_5px)]",
};

export function StatusChart({ areas, caption }: { areas: { id: string; title: string; counts: StatusCounts; total: number }[]; caption: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="font-semibold mb-3">{caption}</figcaption>
      <ul aria-hidden="true" className="mb-3 flex flex-wrap gap-3 text-sm">
        {MEASURE_STATUSES.map((s) => (
          <li key={s} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-5 rounded-sm ${FILL[s]}`} />
            {MEASURE_STATUS_LABELS[s]}
          </li>
        ))}
      </ul>
      <div aria-hidden="true" className="space-y-2">
        {areas.map((a) => (
          <div key={a.id}>
            <p className="text-sm">
              {a.title} – {a.counts.DONE} av {a.total} gjennomført
            </p>
            <div className="flex h-4 w-full overflow-hidden rounded bg-slate-100">
              {a.total > 0 &&
                MEASURE_STATUSES.map((s) =>
                  a.counts[s] > 0 ? <span key={s} className={FILL[s]} style={{ width: `${(100 * a.counts[s]) / a.total}%` }} title={`${MEASURE_STATUS_LABELS[s]}: ${a.counts[s]}`} /> : null,
                )}
            </div>
          </div>
        ))}
      </div>
      <TableScroll label="Tiltak per status" className="mt-4">
        <table className="w-full text-sm">
          <caption className="text-left font-semibold mb-1">Tiltak per status (tabell)</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1 pr-2">
                Satsingsområde
              </th>
              {MEASURE_STATUSES.map((s) => (
                <th key={s} scope="col" className="py-1 pr-2 text-right">
                  {MEASURE_STATUS_LABELS[s]}
                </th>
              ))}
              <th scope="col" className="py-1 text-right">
                I alt
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {a.title}
                </th>
                {MEASURE_STATUSES.map((s) => (
                  <td key={s} className="py-1 pr-2 text-right">
                    {a.counts[s]}
                  </td>
                ))}
                <td className="py-1 text-right">{a.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
