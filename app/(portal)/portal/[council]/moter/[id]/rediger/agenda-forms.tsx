"use client";

import { useActionState } from "react";
import {
  addFollowUpListItemAction,
  addAgendaItemAction,
  cancelMeetingAction,
  proposeAgendaItemAction,
  updateMeetingAction,
  type MeetingFormState,
} from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/text-field";
import { CheckboxField, SelectField, TextAreaField } from "@/components/ui/fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";

const ADDABLE = ["VEDTAKSSAK", "ORIENTERINGSSAK", "DROFTINGSSAK", "RUNDE_RUNDT_BORDET", "VALG"] as const;
const typeOptions = ADDABLE.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }));

export function AddItemForm({ meetingId }: { meetingId: string }) {
  const [state, action] = useActionState(addAgendaItemAction, initialFormState);
  // After a success the form starts empty for the next case; after an error it keeps what was typed.
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextField label="Tittel" name="title" required defaultValue={v.title} error={e.title} />
      <SelectField label="Sakstype" name="type" options={typeOptions} defaultValue={v.type} error={e.type} />
      <TextField label="Presenteres av (v/)" name="presenter" defaultValue={v.presenter} error={e.presenter} hint="For eksempel «v/ regionrådsadministrator»." />
      <CheckboxField label="Unntatt offentlighet" name="isExempt" defaultChecked={v.isExempt === "on"} />
      <TextField label="Hjemmel for unntak" name="exemptionBasis" defaultValue={v.exemptionBasis} error={e.exemptionBasis} hint="Påkrevd for unntatte saker, for eksempel «offl. § 13, jf. fvl. § 13»." />
      <SubmitButton pendingLabel="Legger til …">Legg til sak</SubmitButton>
    </form>
  );
}

export function ProposeItemForm({ fromMeetingId, targets }: { fromMeetingId: string; targets: { value: string; label: string }[] }) {
  const [state, action] = useActionState(proposeAgendaItemAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="fromMeetingId" value={fromMeetingId} />
      <SelectField label="Til møtet" name="targetMeetingId" options={targets} defaultValue={v.targetMeetingId} error={e.targetMeetingId} />
      <TextField label="Tittel på foreslått sak" name="title" defaultValue={v.title} error={e.title} />
      <SelectField label="Sakstype" name="type" options={typeOptions} defaultValue={v.type} error={e.type} />
      <SubmitButton pendingLabel="Lagrer …">Legg til forslag</SubmitButton>
    </form>
  );
}

type Details = Record<"meetingId" | "version" | "bodyId" | "date" | "startTime" | "endTime" | "location" | "remoteUrl" | "changeNote", string>;

// The reason field starts empty: the saved reason belongs to the last change, and a new move needs its own.
export function MeetingDetailsForm({ meeting, needsReason, currentNote }: { meeting: Details; needsReason: boolean; currentNote: string | null }) {
  const [state, action] = useActionState<MeetingFormState, FormData>(updateMeetingAction, initialFormState);
  const v = { ...meeting, ...(state.ok ? {} : state.values) };
  const e = state.fieldErrors ?? {};
  const saved = state.ok ? undefined : state.conflict;
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      {saved && (
        <div className="rounded border border-amber-700 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">Lagret versjon (lagret etter at du åpnet siden)</p>
          <p>
            {saved.date.split("-").reverse().join(".")} kl. {saved.startTime.replace(":", ".")}
            {saved.endTime && `–${saved.endTime.replace(":", ".")}`}
            {saved.location && `, ${saved.location}`}
          </p>
          {saved.remoteUrl && <p>Lenke: {saved.remoteUrl}</p>}
          <p>Lagre på nytt for å erstatte den med det som står i feltene.</p>
        </div>
      )}
      <input type="hidden" name="meetingId" value={meeting.meetingId} />
      <input type="hidden" name="version" value={saved?.version ?? v.version} />
      <input type="hidden" name="bodyId" value={meeting.bodyId} />
      <TextField label="Dato" name="date" type="date" defaultValue={v.date} error={e.date} />
      <div className="grid grid-cols-2 gap-4">
        <TextField label="Starttid" name="startTime" type="time" defaultValue={v.startTime} error={e.startTime} />
        <TextField label="Sluttid" name="endTime" type="time" defaultValue={v.endTime} error={e.endTime} />
      </div>
      <TextField label="Sted" name="location" defaultValue={v.location} error={e.location} />
      <TextField label="Lenke til digitalt møte" name="remoteUrl" type="url" defaultValue={v.remoteUrl} error={e.remoteUrl} />
      <TextField
        label="Begrunnelse for endring"
        name="changeNote"
        defaultValue={v.changeNote}
        error={e.changeNote}
        hint={`${needsReason ? "Påkrevd når et møte med sendt innkalling flyttes. Vises på møtesiden." : "Vises på møtesiden."}${
          currentNote ? ` Nå vises: «${currentNote}». La feltet stå tomt for å beholde den når tid og sted ikke endres.` : ""
        }`}
      />
      <SubmitButton pendingLabel="Lagrer …">Lagre tid og sted</SubmitButton>
    </form>
  );
}

export function CancelMeetingForm({ meetingId, version }: { meetingId: string; version: number }) {
  const [state, action] = useActionState(cancelMeetingAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField label="Hvorfor avlyses møtet?" name="reason" rows={3} defaultValue={state.values?.reason} error={e.reason} />
      <SubmitButton pendingLabel="Avlyser …">Avlys møtet</SubmitButton>
    </form>
  );
}

export function AddFollowUpListForm({ meetingId }: { meetingId: string }) {
  const [state, action] = useActionState(addFollowUpListItemAction, initialFormState);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <p>Legger til orienteringssaken «Oppfølging av vedtak» med organets åpne og nylig lukkede oppfølgingspunkter. Listen låses når innkallingen sendes.</p>
      <SubmitButton pendingLabel="Legger til …">Legg til «Oppfølging av vedtak»</SubmitButton>
    </form>
  );
}
