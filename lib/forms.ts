// The shape every form action returns to useActionState: field errors in Norwegian, a message
// for the whole form, and what the user typed so nothing is lost on an error.
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };
