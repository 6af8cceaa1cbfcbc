"use client";

import { useActionState } from "react";
import { addMinutesCommentAction, approveMinutesElectronicallyAction } from "@/lib/minutes/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextAreaField } from "@/components/ui/fields";

export function CommentForm({ meetingId }: { meetingId: string }) {
  const [state, action] = useActionState(addMinutesCommentAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextAreaField label="Din kommentar til utkastet" name="text" rows={4} defaultValue={v.text} error={state.fieldErrors?.text} hint="Kommentaren går til sekretariatet. Skriv saksnummer hvis den gjelder en bestemt sak." />
      <SubmitButton pendingLabel="Sender …">Send kommentar</SubmitButton>
    </form>
  );
}

export function ApproveElectronicallyForm({ meetingId, version, hash }: { meetingId: string; version: number; hash: string }) {
  const [state, action] = useActionState(approveMinutesElectronicallyAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="minutesVersion" value={version} />
      <input type="hidden" name="minutesHash" value={hash} />
      <p>Som møteleder kan du godkjenne referatet elektronisk. Versjon {version} blir låst og kan etterpå bare rettes med en synlig rettelse.</p>
      <ConfirmSubmit
        key={state.message ?? "start"}
        question={`Versjon ${version} blir godkjent og låst, og publisert hvis organet publiserer referatene sine. Det kan ikke angres. Vil du godkjenne referatet?`}
        confirmLabel={`Ja, godkjenn versjon ${version}`}
        pendingLabel="Godkjenner …"
      >{`Godkjenn referatet (versjon ${version})`}</ConfirmSubmit>
    </form>
  );
}
