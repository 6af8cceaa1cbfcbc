"use client";

import { useActionState } from "react";
import { sendNoticeAction, type SendNoticeState } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";

export function SendNoticeForm({ meetingId, resend, blocked }: { meetingId: string; resend: boolean; blocked: boolean }) {
  const [state, action] = useActionState<SendNoticeState, FormData>(sendNoticeAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {state.checks && state.checks.length > 0 && (
        <ul className="list-disc pl-6 text-red-900">
          {state.checks.map((c) => (
            <li key={c.code + c.message}>{c.message}</li>
          ))}
        </ul>
      )}
      <input type="hidden" name="meetingId" value={meetingId} />
      {blocked ? (
        <p className="font-medium text-red-900">Rett feilene over før innkallingen kan sendes.</p>
      ) : (
        <ConfirmSubmit
          key={state.message ?? "start"}
          question={
            resend
              ? "Den endrede innkallingen sendes på e-post til alle innkalte og erstatter den publiserte. Vil du sende den nå?"
              : "Innkallingen sendes på e-post til alle innkalte og publiseres. Det kan ikke trekkes tilbake, bare endres med en ny utsending. Vil du sende den nå?"
          }
          confirmLabel={resend ? "Ja, send den endrede innkallingen" : "Ja, send innkallingen"}
          pendingLabel="Sender …"
        >
          {resend ? "Send endret innkalling" : "Send innkalling"}
        </ConfirmSubmit>
      )}
    </form>
  );
}
