"use client";

import { useActionState } from "react";
import { createMeetingAction, createMeetingPlanAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/text-field";
import { SelectField, TextAreaField } from "@/components/ui/fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

type Bodies = { id: string; name: string }[];

export function NewMeetingForm({ bodies }: { bodies: Bodies }) {
  const [state, action] = useActionState(createMeetingAction, initialFormState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <SelectField label="Organ" name="bodyId" options={bodies.map((b) => ({ value: b.id, label: b.name }))} defaultValue={v.bodyId} error={e.bodyId} />
      <TextField label="Dato" name="date" type="date" required defaultValue={v.date} error={e.date} />
      <div className="grid grid-cols-2 gap-4">
        <TextField label="Starttid" name="startTime" type="time" required defaultValue={v.startTime} error={e.startTime} />
        <TextField label="Sluttid" name="endTime" type="time" defaultValue={v.endTime} error={e.endTime} />
      </div>
      <TextField label="Sted" name="location" defaultValue={v.location} error={e.location} hint="For eksempel «Kommunehuset i Krødsherad» eller «Teams»." />
      <TextField label="Lenke til digitalt møte" name="remoteUrl" type="url" defaultValue={v.remoteUrl} error={e.remoteUrl} />
      <SubmitButton pendingLabel="Oppretter …">Opprett møte</SubmitButton>
    </form>
  );
}

export function MeetingPlanForm({ bodies }: { bodies: Bodies }) {
  const [state, action] = useActionState(createMeetingPlanAction, initialFormState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      <SelectField label="Organ" name="bodyId" options={bodies.map((b) => ({ value: b.id, label: b.name }))} defaultValue={v.bodyId} error={e.bodyId} />
      <TextAreaField
        label="Møtedatoer"
        name="lines"
        rows={8}
        defaultValue={state.ok ? "" : v.lines}
        error={e.lines}
        hint="Ett møte per linje: dato, klokkeslett og sted. For eksempel: 2027-01-18 14:00-15:30 Kommunehuset i Krødsherad"
      />
      <SubmitButton pendingLabel="Lagrer …">Opprett møteplan</SubmitButton>
    </form>
  );
}
