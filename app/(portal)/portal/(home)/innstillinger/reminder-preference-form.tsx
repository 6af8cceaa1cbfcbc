"use client";

import { useActionState } from "react";
import { setReminderPreferenceAction } from "@/lib/follow-up/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxField } from "@/components/ui/fields";

export function ReminderPreferenceForm({ enabled }: { enabled: boolean }) {
  const [state, action] = useActionState(setReminderPreferenceAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <CheckboxField label="Send meg påminnelser om frister på e-post" name="reminders" defaultChecked={enabled} />
      <SubmitButton pendingLabel="Lagrer …">Lagre innstillingen</SubmitButton>
    </form>
  );
}
