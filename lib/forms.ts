// The shape every form action returns to useActionState: field errors in Norwegian, a message
// for the whole form, and what the user typed so nothing is lost on an error.
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };

/**
 * A checkbox's state after a failed save: an unticked box is not in the form data, so whether the
 * form came back is told by `sentField`, a text field that always is. Without a failed save, the saved state.
 */
export function checkedAfterError(values: Record<string, string>, name: string, sentField: string, saved: boolean): boolean {
  return sentField in values ? values[name] === "on" : saved;
}
