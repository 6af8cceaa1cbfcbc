import type { ReactNode } from "react";

/**
 * A table's own horizontal scroll. Cells keep their words whole (app/globals.css), so on a phone a
 * wide table scrolls here rather than breaking every word. Focusable and named, so that a keyboard
 * user can scroll it too and a screen reader says what it is (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function TableScroll({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto print:overflow-visible ${className}`}>
      {children}
    </div>
  );
}
