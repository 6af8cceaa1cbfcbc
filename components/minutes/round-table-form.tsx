"use client";

import { useActionState } from "react";
import { saveRoundTableAction } from "@/lib/minutes/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/fields";

/** One organisation's contribution to a round-table item; used by representatives and the secretariat. */
export function RoundTableForm({
  itemId,
  organizationId,
  organization,
  text,
  version,
  submittedInAdvance,
  submitLabel,
}: {
  itemId: string;
  organizationId: string;
  organization: string;
  text: string;
  version: number | null;
  submittedInAdvance: boolean;
  submitLabel: string;
}) {
  const [state, action] = useActionState(saveRoundTableAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="version" value={version ?? ""} />
      <TextAreaField
        label={`Innspill fra ${organization}${submittedInAdvance ? " (innsendt)" : ""}`}
        name="text"
        rows={3}
        defaultValue={v.text ?? text}
        error={state.fieldErrors?.text}
      />
      <SubmitButton pendingLabel="Lagrer …">{submitLabel}</SubmitButton>
    </form>
  );
}
