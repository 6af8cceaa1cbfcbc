import { IntentLink } from "@/components/ui/intent-link";
import type { ActionListItem } from "@/lib/follow-up/queries";
import { dueState } from "@/lib/follow-up/queries";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/follow-up/schemas";
import { formatCalendarDate } from "@/lib/format/dates";
import { responsibleLabel } from "@/lib/follow-up/responsible";
import { DueBadge } from "@/components/follow-up/due-badge";

export function ActionItemList({ items, showCouncil = false }: { items: ActionListItem[]; showCouncil?: boolean }) {
  const now = new Date();
  if (items.length === 0) return <p>Ingen åpne oppgaver.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((a) => {
        const responsible = responsibleLabel(a);
        return (
          <li key={a.id} className="p-3">
            <p className="font-medium">
              <IntentLink className="underline text-brand-700" href={`/portal/oppfolging/${a.id}`}>
                {a.title}
              </IntentLink>
            </p>
            <p className="text-sm text-slate-700">
              {ACTION_STATUS_LABELS[a.status as ActionStatus]}
              {responsible && ` · Ansvarlig: ${responsible}`}
              {a.dueDate && ` · Frist ${formatCalendarDate(a.dueDate)}`}
              {showCouncil && ` · ${a.council.name}`}
            </p>
            <DueBadge state={dueState(a.dueDate, a.status, now)} />
          </li>
        );
      })}
    </ul>
  );
}
