"use client";

import { useActionState } from "react";
import { createPersonAction } from "@/lib/people/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MembershipFields, PersonFields } from "./person-fields";

type Option = { value: string; label: string };

export function NewPersonForm({ councilSlug, bodies, organizations, today }: { councilSlug: string; bodies: Option[]; organizations: Option[]; today: string }) {
  const [state, action] = useActionState(createPersonAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <PersonFields v={v} e={e} organizations={organizations} />
      <h3 className="font-semibold">Første verv</h3>
      <MembershipFields v={{ validFrom: today, ...v }} e={e} bodies={bodies} organizations={organizations} />
      <SubmitButton pendingLabel="Lagrer …">Legg til personen</SubmitButton>
    </form>
  );
}
