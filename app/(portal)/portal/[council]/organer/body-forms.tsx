"use client";

import { useActionState } from "react";
import { createBodyAction, updateBodyAction } from "@/lib/bodies/actions";
import { BODY_KIND_LABELS, BODY_KINDS, NUMBERINGS } from "@/lib/bodies/schemas";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { SelectField, TextAreaField } from "@/components/ui/fields";

type Option = { value: string; label: string };
type Values = Record<string, string | undefined>;
type Body = { id: string; version: number; name: string; abbreviation: string; description: string; targetMeetingsPerYear: string; parentBodyId: string; activeFrom: string; activeTo: string };

// The fields a body keeps whatever its kind; kind, political status and numbering are set when it is created.
function BodyFields({ v, e, parents, withEnd }: { v: Values; e: Record<string, string>; parents: Option[]; withEnd: boolean }) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Navn" name="name" autoComplete="off" defaultValue={v.name} error={e.name} />
        <TextField label="Forkortelse" name="abbreviation" autoComplete="off" defaultValue={v.abbreviation} error={e.abbreviation} hint="Brukes i saksreferanser, for eksempel «AU 4/22»." />
      </div>
      <TextAreaField label="Beskrivelse og mandat" name="description" rows={4} defaultValue={v.description} error={e.description} hint="Vises på rådets offentlige side. Markdown." />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Rapporterer til" name="parentBodyId" defaultValue={v.parentBodyId ?? ""} options={[{ value: "", label: "Ingen" }, ...parents]} error={e.parentBodyId} />
        <TextField label="Møter per år (mål, valgfritt)" name="targetMeetingsPerYear" inputMode="numeric" defaultValue={v.targetMeetingsPerYear} error={e.targetMeetingsPerYear} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Aktiv fra og med (valgfritt)" name="activeFrom" type="date" defaultValue={v.activeFrom} error={e.activeFrom} />
        {withEnd && <TextField label="Aktiv til og med (valgfritt)" name="activeTo" type="date" defaultValue={v.activeTo} error={e.activeTo} hint="Et nedlagt organ får ikke nye møter. Møtene det har hatt, blir stående." />}
      </div>
    </>
  );
}

export function BodyForm({ councilSlug, body, parents }: { councilSlug: string; body: Body; parents: Option[] }) {
  const [state, action] = useActionState(updateBodyAction, initialFormState);
  // After a conflict the page shows the stored body (new version); what was typed stays in the fields.
  const { id: _id, version: _version, ...stored } = body;
  const v = { ...stored, ...(state.ok ? {} : state.values) };
  return (
    <form key={body.version} action={action} noValidate aria-label={`Endre ${body.name}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <input type="hidden" name="bodyId" value={body.id} />
      <input type="hidden" name="version" value={body.version} />
      <BodyFields v={v} e={state.fieldErrors ?? {}} parents={parents.filter((p) => p.value !== body.id)} withEnd />
      <SubmitButton pendingLabel="Lagrer …">Lagre organet</SubmitButton>
    </form>
  );
}

const KIND_OPTIONS: Option[] = BODY_KINDS.map((k) => ({ value: k, label: BODY_KIND_LABELS[k] }));

export function NewBodyForm({ councilSlug, parents }: { councilSlug: string; parents: Option[] }) {
  const [state, action] = useActionState(createBodyAction, initialFormState);
  const v: Values = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-label="Nytt organ" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Type organ" name="kind" defaultValue={v.kind ?? "FAGTEAM"} options={KIND_OPTIONS} error={e.kind} />
        <SelectField
          label="Politisk eller administrativt"
          name="nature"
          defaultValue={v.nature ?? ""}
          options={[
            { value: "", label: "Velg" },
            { value: "ADMINISTRATIVE", label: "Administrativt" },
            { value: "POLITICAL", label: "Politisk (kommuneloven kap. 11)" },
          ]}
          error={e.nature}
          hint="Politiske organer har åpne møter, frist for innkalling og offentlige referater."
        />
        <SelectField label="Saksnummer" name="numbering" defaultValue={v.numbering ?? "PER_MEETING"} options={Object.entries(NUMBERINGS).map(([value, label]) => ({ value, label }))} error={e.numbering} />
      </div>
      <BodyFields v={v} e={e} parents={parents} withEnd={false} />
      <SubmitButton pendingLabel="Lagrer …">Opprett organet</SubmitButton>
    </form>
  );
}
