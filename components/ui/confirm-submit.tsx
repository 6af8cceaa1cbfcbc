"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";

const primary = "rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-70";

/**
 * A submit that cannot be undone (mail to every member, a locked referat) asks first, in the page
 * rather than with window.confirm: the question is read by a screen reader, styled like the portal,
 * and the keyboard goes to the answer. "Avbryt" puts the focus back on the first button.
 * The parent should re-mount it (key) once the action has answered, so it starts over.
 */
export function ConfirmSubmit({ children, question, confirmLabel, pendingLabel }: { children: React.ReactNode; question: React.ReactNode; confirmLabel: string; pendingLabel: string }) {
  const [asking, setAsking] = useState(false);
  const wasAsking = useRef(false);
  const first = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const { pending } = useFormStatus();

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={first} type="button" className={primary} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <div className="space-y-3 rounded border border-amber-700 bg-amber-50 p-3">
      <p id={questionId}>{question}</p>
      <div className="flex flex-wrap gap-3">
        <button
          ref={confirm}
          type="submit"
          aria-describedby={questionId}
          aria-disabled={pending}
          onClick={(e) => {
            if (pending) e.preventDefault();
          }}
          className={primary}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="rounded border border-slate-500 bg-white px-4 py-2" onClick={() => setAsking(false)}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
