import type { FollowUpList } from "@/lib/meetings/notice-model";
import { ACTION_STATUS_LABELS } from "@/lib/follow-up/schemas";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";
import { TableScroll } from "@/components/ui/table-scroll";

// "Oppfølging av vedtak" in the notice and the minutes: the same frozen list in both.
export function FollowUpTable({ list }: { list: FollowUpList }) {
  return (
    <div className="mt-2" data-testid="follow-up-list">
      <p className="text-sm text-slate-700">
        {list.frozen ? `Status per ${formatDate(list.asOf)}, da innkallingen ble sendt.` : `Foreløpig liste (status i dag, ${formatDate(list.asOf)}). Den låses når innkallingen sendes.`}
      </p>
      {list.rows.length === 0 ? (
        <p className="mt-1">Ingen åpne eller nylig lukkede oppfølgingspunkter.</p>
      ) : (
        <TableScroll label="Oppfølgingspunkter" className="mt-1">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Oppfølgingspunkter og status</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">Oppfølgingspunkt</th>
                <th scope="col" className="py-1 pr-3">Fra</th>
                <th scope="col" className="py-1 pr-3">Ansvarlig</th>
                <th scope="col" className="py-1 pr-3">Frist</th>
                <th scope="col" className="py-1">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="py-1 pr-3">
                    {r.title}
                    {r.outcomeNote && <span className="block text-slate-700">Resultat: {r.outcomeNote}</span>}
                  </td>
                  <td className="py-1 pr-3">{[r.caseLabel, r.meetingLabel].filter(Boolean).join(", ")}</td>
                  <td className="py-1 pr-3">{r.responsible}</td>
                  <td className="py-1 pr-3">{r.dueDate ? formatCalendarDate(new Date(`${r.dueDate}T00:00:00Z`)) : ""}</td>
                  <td className="py-1">{ACTION_STATUS_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
