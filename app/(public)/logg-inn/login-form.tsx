"use client";

import { useActionState } from "react";
import { loginAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/text-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

export function LoginForm({ next }: { next?: string }) {
  const [state, action] = useActionState(loginAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormMessage state={state} />
      <input type="hidden" name="neste" value={next ?? ""} />
      <TextField
        label="E-post"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <TextField
        label="Passord"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Logger inn …">Logg inn</SubmitButton>
    </form>
  );
}
