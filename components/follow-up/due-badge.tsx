import type { DueState } from "@/lib/follow-up/queries";

// Overdue and due-soon items are marked with a word and a symbol, not by colour alone.
export function DueBadge({ state }: { state: DueState }) {
  if (state === "overdue")
    return (
      <span className="mt-1 inline-block rounded border border-red-800 bg-red-50 px-2 text-sm font-semibold text-red-900">
        <span aria-hidden="true">⚠ </span>Forfalt
      </span>
    );
  if (state === "soon")
    return (
      <span className="mt-1 inline-block rounded border border-amber-800 bg-amber-50 px-2 text-sm font-semibold text-amber-900">
        <span aria-hidden="true">⏰ </span>Frist snart
      </span>
    );
  return null;
}
