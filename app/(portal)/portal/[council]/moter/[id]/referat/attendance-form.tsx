"use client";

import { useActionState } from "react";
import { addAttendeeAction, saveAttendanceAction } from "@/lib/minutes/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";
import type { MinutesEditor } from "@/lib/minutes/queries";

const STATUS_OPTIONS = [
  { value: "PRESENT", label: "Møtt" },
  { value: "REMOTE", label: "Deltok på Teams" },
  { value: "ABSENT", label: "Forfall" },
  { value: "SUBSTITUTE", label: "Vara (møtte for et medlem)" },
];

type Row = MinutesEditor["attendances"][number];

/** The attendance register: one row per person, saved together; a stale register is refused. */
export function AttendanceForm({
  meetingId,
  fingerprint,
  rows,
  items,
  locked,
}: {
  meetingId: string;
  fingerprint: string;
  rows: Row[];
  items: { id: string; label: string }[];
  locked: boolean;
}) {
  const [state, action] = useActionState(saveAttendanceAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  const members = rows.filter((r) => r.status !== "SUBSTITUTE" && !r.isGuest && !r.isSecretariat);
  const itemOptions = [{ value: "", label: "Hele møtet" }, ...items.map((i) => ({ value: i.id, label: i.label }))];
  return (
    <form action={action} noValidate className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      {rows.length === 0 && <p>Ingen deltakere er registrert. Legg til deltakere nedenfor.</p>}
      <ul className="space-y-3">
        {rows.map((r) => {
          const val = (k: string, d: string | null) => v[`${k}.${r.id}`] ?? d ?? "";
          return (
            <li key={r.id} className="rounded border border-slate-200 p-3">
              <input type="hidden" name="attendanceId" value={r.id} />
              <p className="font-medium">
                {r.person.name}
                {r.organization && <span className="font-normal"> – {r.organization.name}</span>}
                {r.isGuest && <span className="font-normal"> (gjest)</span>}
                {r.isSecretariat && <span className="font-normal"> (sekretariat)</span>}
              </p>
              <fieldset disabled={locked} className="mt-2 grid gap-2 sm:grid-cols-3">
                <SelectField label={`Oppmøte for ${r.person.name}`} name={`status.${r.id}`} options={STATUS_OPTIONS} defaultValue={val("status", r.status)} error={e[`status.${r.id}`]} />
                <TextField label="Rolle" name={`roleLabel.${r.id}`} defaultValue={val("roleLabel", r.roleLabel)} error={e[`roleLabel.${r.id}`]} />
                <SelectField
                  label="Vara for"
                  name={`substituteForId.${r.id}`}
                  options={[{ value: "", label: "–" }, ...members.filter((m) => m.id !== r.id).map((m) => ({ value: m.person.id, label: m.person.name }))]}
                  defaultValue={val("substituteForId", r.substituteForId)}
                  error={e[`substituteForId.${r.id}`]}
                />
                <SelectField label="Kom til" name={`arrivedAtItemId.${r.id}`} options={itemOptions} defaultValue={val("arrivedAtItemId", r.arrivedAtItemId)} error={e[`arrivedAtItemId.${r.id}`]} />
                <SelectField label="Gikk etter" name={`leftAfterItemId.${r.id}`} options={itemOptions} defaultValue={val("leftAfterItemId", r.leftAfterItemId)} error={e[`leftAfterItemId.${r.id}`]} />
                <TextField label="Merknad" name={`note.${r.id}`} defaultValue={val("note", r.note)} error={e[`note.${r.id}`]} />
              </fieldset>
            </li>
          );
        })}
      </ul>
      {!locked && rows.length > 0 && <SubmitButton pendingLabel="Lagrer …">Lagre deltakerlisten</SubmitButton>}
    </form>
  );
}

export function AddAttendeeForm({ meetingId, people }: { meetingId: string; people: { id: string; name: string }[] }) {
  const [state, action] = useActionState(addAttendeeAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-3 rounded border border-slate-200 p-3">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <SelectField
        label="Hva slags deltaker"
        name="kind"
        defaultValue={v.kind}
        options={[
          { value: "GUEST", label: "Gjest" },
          { value: "SECRETARIAT", label: "Sekretariat" },
          { value: "MEMBER", label: "Medlem eller vara" },
        ]}
        error={e.kind}
      />
      <SelectField label="Person i registeret" name="personId" defaultValue={v.personId} options={[{ value: "", label: "Ny person (skriv navnet under)" }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField label="Navn (ny person)" name="name" defaultValue={v.name} error={e.name} />
      <TextField label="Rolle" name="roleLabel" defaultValue={v.roleLabel} error={e.roleLabel} hint="For eksempel «Konst. rådmann» eller «Rådgiver, Viken fylkeskommune»." />
      <TextField label="Organisasjon" name="organization" defaultValue={v.organization} error={e.organization} />
      <SubmitButton pendingLabel="Legger til …">Legg til deltaker</SubmitButton>
    </form>
  );
}
