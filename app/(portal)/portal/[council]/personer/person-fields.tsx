"use client";

import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/fields";
import { MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES } from "@/lib/people/schemas";

type Option = { value: string; label: string };
type Values = Record<string, string | undefined>;

const ROLE_OPTIONS: Option[] = MEMBERSHIP_ROLES.map((r) => ({ value: r, label: MEMBERSHIP_ROLE_LABELS[r] }));

// The person's own fields, shared by the new-person form and the person page.
export function PersonFields({ v, e, organizations }: { v: Values; e: Record<string, string>; organizations: Option[] }) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Navn" name="name" autoComplete="off" defaultValue={v.name} error={e.name} />
        <TextField label="Tittel" name="title" defaultValue={v.title} error={e.title} hint="For eksempel «Ordfører» eller «Kommunedirektør»." />
      </div>
      <SelectField label="Organisasjon" name="organizationId" defaultValue={v.organizationId ?? ""} options={[{ value: "", label: "Ingen" }, ...organizations]} error={e.organizationId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="E-post" name="email" type="email" autoComplete="off" defaultValue={v.email} error={e.email} hint="Innkallinger og referater sendes hit." />
        <TextField label="Telefon" name="phone" type="tel" defaultValue={v.phone} error={e.phone} />
      </div>
    </>
  );
}

// A seat in a body: which body, which role, for whom, and when.
export function MembershipFields({ v, e, bodies, organizations }: { v: Values; e: Record<string, string>; bodies: Option[]; organizations: Option[] }) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Organ" name="bodyId" defaultValue={v.bodyId ?? ""} options={[{ value: "", label: "Velg organ" }, ...bodies]} error={e.bodyId} />
        <SelectField label="Rolle" name="role" defaultValue={v.role ?? "MEDLEM"} options={ROLE_OPTIONS} error={e.role} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Representerer" name="representsId" defaultValue={v.representsId ?? ""} options={[{ value: "", label: "Samme som personens organisasjon" }, ...organizations]} error={e.representsId} />
        <TextField label="Rollen slik dokumentene skriver den (valgfritt)" name="roleLabel" defaultValue={v.roleLabel} error={e.roleLabel} hint="For eksempel «Ordfører (leder IPR)»." />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Varanummer (valgfritt)" name="substituteOrder" inputMode="numeric" defaultValue={v.substituteOrder} error={e.substituteOrder} hint="1 for første vara." />
        <TextField label="Fra og med" name="validFrom" type="date" defaultValue={v.validFrom} error={e.validFrom} />
        <TextField label="Til og med (valgfritt)" name="validTo" type="date" defaultValue={v.validTo} error={e.validTo} />
      </div>
    </>
  );
}
