"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/forms";

/**
 * The form's answer, and where the keyboard goes after it. On an error the focus moves to the first
 * field marked invalid, so the user lands on what to fix. On success a form that re-mounts (to clear
 * its fields) has taken the focused button with it, and the browser would put the focus back at the
 * top of the page: it goes to the message instead, which a screen reader then reads.
 */
export function FormMessage({ state }: { state: FormState }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const invalid = state.ok ? null : el.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) el.focus();
  }, [state]);
  if (!state.message) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={state.ok ? "status" : "alert"}
      className={`rounded border p-3 outline-offset-2 ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
    >
      {state.message}
    </p>
  );
}
