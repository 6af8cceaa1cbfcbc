import type { ActionListItem } from "@/lib/follow-up/queries";
import { ACTION_STATUS_LABELS } from "@/lib/follow-up/queries";
import { formatCalendarDate } from "@/lib/format/dates";

function dueState(due: Date | null, now: Date): "overdue" | "soon" | null {
  if (!due) return null;
  const days = (due.getTime() - now.getTime()) / 86_400_000;
  if (days < -1) return "overdue";
  if (days <= 14) return "soon";
  return null;
}

// Overdue and due-soon items are marked with words as well as colour.
export function ActionItemList({ items, showCouncil = false }: { items: ActionListItem[]; showCouncil?: boolean }) {
  const now = new Date();
  if (items.length === 0) return <p>Ingen åpne oppgaver.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((a) => {
        const state = dueState(a.dueDate, now);
        const responsible = a.assignees.map((x) => x.person?.name ?? x.organization?.name).filter(Boolean);
        return (
          <li key={a.id} className="p-3">
            <p className="font-medium">{a.title}</p>
            <p className="text-sm text-slate-700">
              {ACTION_STATUS_LABELS[a.status]}
              {responsible.length > 0 && ` · Ansvarlig: ${responsible.join(", ")}`}
              {!responsible.length && a.responsibleText && ` · Ansvarlig: ${a.responsibleText}`}
              {a.dueDate && ` · Frist ${formatCalendarDate(a.dueDate)}`}
              {showCouncil && ` · ${a.council.name}`}
            </p>
            {state === "overdue" && (
              <p className="mt-1 inline-block rounded bg-red-100 px-2 text-sm font-semibold text-red-900">Forfalt</p>
            )}
            {state === "soon" && (
              <p className="mt-1 inline-block rounded bg-amber-100 px-2 text-sm font-semibold text-amber-900">Frist snart</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
