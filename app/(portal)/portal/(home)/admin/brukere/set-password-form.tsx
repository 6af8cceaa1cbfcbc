"use client";

import { useActionState } from "react";
import { setUserPasswordAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordFields } from "@/components/ui/password-fields";

export function SetPasswordForm({ userId, name, version }: { userId: string; name: string; version: number }) {
  const [state, action] = useActionState(setUserPasswordAction, initialFormState);
  return (
    <details className="mt-2" open={state.message ? true : undefined}>
      <summary className="cursor-pointer text-brand-700 underline">
        Sett nytt passord<span className="sr-only"> for {name}</span>
      </summary>
      <form action={action} noValidate className="mt-2 space-y-2">
        <FormMessage state={state} />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        <p className="text-sm">{name} blir logget ut på alle enheter.</p>
        <PasswordFields errors={state.fieldErrors} />
        <SubmitButton pendingLabel="Lagrer …">Sett passordet</SubmitButton>
      </form>
    </details>
  );
}
