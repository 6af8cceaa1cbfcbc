import type { DueState } from "@/lib/follow-up/queries";

// Overdue and due-soon items are marked with a word and a symbol, not by colour alone.
export function DueBadge({ state }: { state: DueState }) {
  if (state === "overdue")
    return (
      <span className="badge-overdue">
        <span aria-hidden="true">⚠ </span>Forfalt
      </span>
    );
  if (state === "soon")
    return (
      <span className="badge-soon">
        <span aria-hidden="true">⏰ </span>Frist snart
      </span>
    );
  return null;
}
