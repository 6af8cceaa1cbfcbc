"use client";

import { useActionState } from "react";
import { respondToInvitationAction } from "@/lib/meetings/absence-actions";
import { initialFormState } from "@/lib/forms";
import { TextAreaField } from "@/components/ui/fields";
import { FormMessage } from "@/components/ui/form-message";

export function RespondForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(respondToInvitationAction, initialFormState);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextAreaField label="Kommentar til sekretariatet (valgfri)" name="comment" rows={3} defaultValue={state.values?.comment} error={state.fieldErrors?.comment} hint="For eksempel hvem som er vara, eller at du kommer senere." />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="response" value="ABSENT" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Meld forfall
        </button>
        <button type="submit" name="response" value="PRESENT" disabled={pending} className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
          Jeg kommer
        </button>
      </div>
    </form>
  );
}
