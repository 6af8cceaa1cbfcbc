"use client";

import { useActionState, useEffect, useState } from "react";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState for the plan forms: what was typed comes back on an error. `resetKey` changes
 * after each success, so a form keyed on it starts empty again (or shows what is now stored).
 */
export function usePlanForm(action: Action) {
  const [state, formAction] = useActionState<FormState, FormData>(action, initialFormState);
  const [resetKey, setResetKey] = useState(0);
  useEffect(() => {
    if (state.ok) setResetKey((k) => k + 1);
  }, [state]);
  const values = state.ok ? {} : (state.values ?? {});
  const conflict = !state.ok && "conflict" in state && state.conflict === true;
  // The part was deleted by someone else: the form then saves what was typed as a new part, or,
  // when its focus area went too, cannot save it at all.
  const gone = !state.ok && "gone" in state && state.gone === true;
  const areaGone = gone && "areaGone" in state && state.areaGone === true;
  return { state, formAction, values, errors: state.fieldErrors ?? {}, resetKey, conflict, gone, areaGone };
}

/**
 * The fields whose stored text differs from what the user typed, after a save conflict. Browsers
 * send line breaks as CRLF and the actions trim, so neither counts as a difference.
 */
export function changedByOther(fields: { label: string; typed?: string; stored?: string | null }[]) {
  const norm = (t: string) => t.replace(/\r\n/g, "\n").trim();
  return fields.filter((f) => f.typed !== undefined && norm(f.typed) !== norm(f.stored ?? "")).map((f) => ({ label: f.label, stored: f.stored ?? "" }));
}
