"use client";

import { useActionState } from "react";
import { addCouncilMemberAction, endCouncilMemberAction } from "@/lib/bodies/actions";
import { MEMBER_KINDS } from "@/lib/bodies/schemas";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/fields";

export function AddMemberForm({ councilSlug, today }: { councilSlug: string; today: string }) {
  const [state, action] = useActionState(addCouncilMemberAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? state.message : "ny"} action={action} noValidate aria-label="Nytt medlem" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Navn" name="organizationName" autoComplete="off" defaultValue={v.organizationName} error={e.organizationName} hint="For eksempel «Flå»." />
        <SelectField label="Type medlem" name="organizationKind" defaultValue={v.organizationKind ?? "MUNICIPALITY"} options={Object.entries(MEMBER_KINDS).map(([value, label]) => ({ value, label }))} error={e.organizationKind} />
        <TextField label="Kommune- eller fylkesnummer" name="municipalityNumber" inputMode="numeric" defaultValue={v.municipalityNumber} error={e.municipalityNumber} hint="Finnes kommunen alt i portalen, brukes den." />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Medlem fra og med" name="validFrom" type="date" defaultValue={v.validFrom ?? today} error={e.validFrom} />
        <TextField label="Merknad (valgfritt)" name="note" className="sm:col-span-2" defaultValue={v.note} error={e.note} hint="For eksempel vedtaket om innmelding." />
      </div>
      <SubmitButton pendingLabel="Lagrer …">Legg til medlemmet</SubmitButton>
    </form>
  );
}

export function EndMemberForm({ councilSlug, member, today }: { councilSlug: string; member: { id: string; version: number; name: string; validTo: string | null }; today: string }) {
  const [state, action] = useActionState(endCouncilMemberAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <input type="hidden" name="memberId" value={member.id} />
      <input type="hidden" name="version" value={member.version} />
      <TextField label={`Siste dag ${member.name} er medlem`} name="validTo" type="date" defaultValue={v.validTo ?? member.validTo ?? today} error={state.fieldErrors?.validTo} />
      <SubmitButton pendingLabel="Lagrer …">Avslutt medlemskapet</SubmitButton>
    </form>
  );
}
