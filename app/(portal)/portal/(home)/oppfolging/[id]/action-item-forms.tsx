"use client";

import { useActionState, useState } from "react";
import { editActionItemAction, updateActionStatusAction, uploadActionAttachmentAction, type ActionFormState } from "@/lib/follow-up/actions";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from "@/lib/follow-up/schemas";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextAreaField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";
import { UPLOAD_ACCEPT, MAX_UPLOAD_MB } from "@/lib/attachments/validate";

type Option = { value: string; label: string };

function ConflictNote({ state }: { state: ActionFormState }) {
  if (!state.conflict) return null;
  return (
    <div className="rounded border border-amber-700 bg-amber-50 p-3">
      <p className="font-semibold">Lagret versjon (lagret etter at du åpnet siden)</p>
      <p>{state.conflict.summary}</p>
    </div>
  );
}

export function StatusForm({ actionItemId, version, status }: { actionItemId: string; version: number; status: ActionStatus }) {
  const [state, action] = useActionState<ActionFormState, FormData>(updateActionStatusAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  // After a conflict the user's text stays; the version moves on to the stored one, so saving
  // again is a deliberate choice made after seeing the other change.
  const currentVersion = state.conflict?.version ?? String(version);
  const currentStatus = (state.conflict?.status as ActionStatus | undefined) ?? status;
  const [chosen, setChosen] = useState<string>(v.status ?? currentStatus);
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? `${state.message}-${version}` : `f-${currentVersion}`} action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <ConflictNote state={state} />
      <input type="hidden" name="actionItemId" value={actionItemId} />
      <input type="hidden" name="version" value={currentVersion} />
      <input type="hidden" name="currentStatus" value={currentStatus} />
      <SelectField
        label="Status"
        name="status"
        defaultValue={v.status ?? currentStatus}
        onChange={(ev) => setChosen(ev.currentTarget.value)}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        error={e.status}
      />
      {/* After a conflict where someone else closed the item, the result typed here stays in its field, to save over theirs or drop. */}
      {chosen === "DONE" && (currentStatus !== "DONE" || !!v.outcomeNote) && (
        <TextAreaField
          label={currentStatus === "DONE" ? "Resultat" : "Resultat (påkrevd for å lukke)"}
          name="outcomeNote"
          rows={3}
          defaultValue={v.outcomeNote}
          error={e.outcomeNote}
          hint="Kort om hva som ble gjort, for eksempel «Programmet er sendt ut, samlingen holdes 14.–15. mars»."
        />
      )}
      <TextAreaField label="Fremdriftsnotat" name="comment" rows={3} defaultValue={v.comment} error={e.comment} hint="Hva er gjort siden sist? Notatet står i historikken med navn og dato." />
      <SubmitButton pendingLabel="Lagrer …">Lagre status og notat</SubmitButton>
    </form>
  );
}

export function EditActionItemForm({
  actionItemId,
  version,
  values,
  people,
  measures,
  focusAreas = [],
}: {
  actionItemId: string;
  version: number;
  values: { title: string; description: string; personIds: string[]; responsibleText: string; dueDate: string; measureId: string; focusAreaId?: string };
  people: Option[];
  measures: Option[];
  focusAreas?: Option[];
}) {
  const [state, action] = useActionState<ActionFormState, FormData>(editActionItemAction, initialFormState);
  const v: Record<string, string> = state.ok ? {} : (state.values ?? {});
  const currentVersion = state.conflict?.version ?? String(version);
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? `${state.message}-${version}` : `f-${currentVersion}`} action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <ConflictNote state={state} />
      <input type="hidden" name="actionItemId" value={actionItemId} />
      <input type="hidden" name="version" value={currentVersion} />
      <TextField label="Oppfølgingspunkt" name="title" defaultValue={v.title ?? values.title} error={e.title} />
      <TextAreaField label="Beskrivelse" name="description" rows={4} defaultValue={v.description ?? values.description} error={e.description} />
      <SelectField label="Ansvarlige personer" name="personIds" multiple size={6} defaultValue={v.personIds !== undefined ? v.personIds.split(",").filter(Boolean) : values.personIds} options={people} error={e.personIds} hint="Hold Ctrl (Cmd på Mac) for å velge flere. Hovedansvarlig beholdes så lenge hen er valgt." />
      <TextField label="Ansvarlig med egne ord" name="responsibleText" defaultValue={v.responsibleText ?? values.responsibleText} error={e.responsibleText} />
      <TextField label="Frist" name="dueDate" type="date" defaultValue={v.dueDate ?? values.dueDate} error={e.dueDate} />
      <SelectField label="Tiltak i strategi- eller handlingsplan" name="measureId" defaultValue={v.measureId ?? values.measureId} options={[{ value: "", label: "Ikke knyttet til et tiltak" }, ...measures]} error={e.measureId} />
      <SelectField label="Satsingsområde" name="focusAreaId" defaultValue={v.focusAreaId ?? values.focusAreaId ?? ""} options={[{ value: "", label: "Ikke knyttet til et satsingsområde" }, ...focusAreas]} error={e.focusAreaId} hint="Når oppgaven hører til et område, men ikke til ett bestemt tiltak." />
      <SubmitButton pendingLabel="Lagrer …">Lagre endringene</SubmitButton>
    </form>
  );
}

export function ActionAttachmentForm({ actionItemId }: { actionItemId: string }) {
  const [state, action] = useActionState(uploadActionAttachmentAction, initialFormState);
  return (
    <form key={state.ok ? state.message : "f"} action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="actionItemId" value={actionItemId} />
      <TextField label="Fil" name="file" type="file" accept={UPLOAD_ACCEPT} error={state.fieldErrors?.file} hint={`PDF, Office-dokumenter eller bilder, høyst ${MAX_UPLOAD_MB} MB.`} />
      <SubmitButton pendingLabel="Laster opp …">Last opp vedlegg</SubmitButton>
    </form>
  );
}
