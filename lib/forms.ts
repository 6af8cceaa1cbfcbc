// The shape every form action returns to useActionState: field errors in Norwegian, a message
// for the whole form, and what the user typed so nothing is lost on an error.
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };

/** A register form saved over a version someone else has changed: refused, with what was typed kept. */
export const CONFLICT = "Noen andre har lagret en endring her etter at du åpnet siden. Det du skrev står fortsatt i feltene; siden viser nå det som er lagret, og lagrer du igjen, erstatter du den andre endringen.";

export const NOT_SAVED = "Ikke lagret. Se feltene som er markert.";

/**
 * A checkbox's state after a failed save: an unticked box is not in the form data, so whether the
 * form came back is told by `sentField`, a text field that always is. Without a failed save, the saved state.
 */
export function checkedAfterError(values: Record<string, string>, name: string, sentField: string, saved: boolean): boolean {
  return sentField in values ? values[name] === "on" : saved;
}
