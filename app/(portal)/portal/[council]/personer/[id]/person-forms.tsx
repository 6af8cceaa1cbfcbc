"use client";

import { useActionState } from "react";
import { addMembershipAction, endMembershipAction, updatePersonAction } from "@/lib/people/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { MembershipFields, PersonFields } from "../person-fields";

type Option = { value: string; label: string };
type Person = { id: string; version: number; name: string; title: string; organizationId: string; email: string; phone: string };

export function PersonForm({ councilSlug, person, organizations }: { councilSlug: string; person: Person; organizations: Option[] }) {
  const [state, action] = useActionState(updatePersonAction, initialFormState);
  // After a conflict the page shows the stored person (new version); what was typed stays in the fields.
  const { id: _id, version: _version, ...stored } = person;
  const v = { ...stored, ...(state.ok ? {} : state.values) };
  return (
    <form key={person.version} action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <input type="hidden" name="personId" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <PersonFields v={v} e={state.fieldErrors ?? {}} organizations={organizations} />
      <SubmitButton pendingLabel="Lagrer …">Lagre personen</SubmitButton>
    </form>
  );
}

export function AddMembershipForm({ councilSlug, personId, bodies, organizations, today }: { councilSlug: string; personId: string; bodies: Option[]; organizations: Option[]; today: string }) {
  const [state, action] = useActionState(addMembershipAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form key={state.ok ? state.message : "ny"} action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <input type="hidden" name="personId" value={personId} />
      <MembershipFields v={{ validFrom: today, ...v }} e={state.fieldErrors ?? {}} bodies={bodies} organizations={organizations} />
      <SubmitButton pendingLabel="Lagrer …">Legg til vervet</SubmitButton>
    </form>
  );
}

export function EndMembershipForm({ councilSlug, membership, label, today }: { councilSlug: string; membership: { id: string; version: number }; label: string; today: string }) {
  const [state, action] = useActionState(endMembershipAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <input type="hidden" name="membershipId" value={membership.id} />
      <input type="hidden" name="version" value={membership.version} />
      <TextField label={`Siste dag som ${label}`} name="validTo" type="date" defaultValue={v.validTo ?? today} error={state.fieldErrors?.validTo} />
      <SubmitButton pendingLabel="Lagrer …">Avslutt vervet</SubmitButton>
    </form>
  );
}
