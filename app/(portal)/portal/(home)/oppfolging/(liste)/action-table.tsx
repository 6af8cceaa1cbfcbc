"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { DueBadge } from "@/components/follow-up/due-badge";
import type { DueState } from "@/lib/follow-up/queries";
import { TableScroll } from "@/components/ui/table-scroll";

export type ActionTableColumn = { key: string; label: string; href: string; nowrap: boolean; sort: "ascending" | "descending" | null };
export type ActionTableRow = {
  id: string;
  title: string;
  councilName: string | null;
  measureTitle: string | null;
  status: string;
  responsible: string;
  due: string;
  dueState: DueState;
  origin: string;
};

// A client component for one reason: its rows reach it as data. Rendered as server elements, the
// RSC renderer split a 50-row table into one deferred chunk per row (past its 3,200-byte mark), and
// the HTML renderer, running ahead of it, streamed each row as a separate hidden segment moved in
// place by its own script (docs/decisions/014-lists-as-data.md).
export function ActionTable({ columns, rows }: { columns: ActionTableColumn[]; rows: ActionTableRow[] }) {
  return (
    <TableScroll label="Oppgaver" className="rounded-lg border border-slate-200 bg-white">
      <table className="data-table w-full text-left">
        <caption className="sr-only">Oppgaver. Klikk på en kolonneoverskrift for å sortere.</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`p-2 ${c.nowrap ? "whitespace-nowrap" : ""}`} aria-sort={c.sort ?? undefined}>
                <IntentLink className="link" href={c.href}>
                  {c.label}
                  <span className="sr-only">{c.sort === "ascending" ? ", sortert stigende" : c.sort === "descending" ? ", sortert synkende" : ", sorter"}</span>
                  {c.sort && <span aria-hidden="true">{c.sort === "ascending" ? " ▲" : " ▼"}</span>}
                </IntentLink>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <IntentLink className="link" href={`/portal/oppfolging/${r.id}`}>
                  {r.title}
                </IntentLink>
                {r.councilName && <span className="block text-sm text-slate-700">{r.councilName}</span>}
                {r.measureTitle && <span className="block text-sm text-slate-700">{`Tiltak: ${r.measureTitle}`}</span>}
              </td>
              <td className="whitespace-nowrap">{r.status}</td>
              <td>{r.responsible || "–"}</td>
              <td>
                {r.due}
                {r.dueState && (
                  <span className="block">
                    <DueBadge state={r.dueState} />
                  </span>
                )}
              </td>
              <td className="text-sm">{r.origin}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
