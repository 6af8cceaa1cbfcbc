"use client";

import { useActionState } from "react";
import {
  addErratumAction,
  approveMinutesByItemAction,
  createActionItemFromDecisionAction,
  proposeItemFromMinutesAction,
  saveMinutesHeaderAction,
  sendMinutesForCommentAction,
  setPublishMinutesAction,
  startMinutesAction,
} from "@/lib/minutes/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextAreaField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";
import { MarkdownEditor } from "@/components/ui/markdown-editor";

type Option = { value: string; label: string };

export function MinutesHeaderForm({
  meetingId,
  version,
  values,
  people,
  chairPeople,
  locked,
}: {
  meetingId: string;
  version: number;
  chairPeople: Option[];
  values: { documentTitle: string; introduction: string; chairId: string; chairLabel: string; secretaryId: string; secretaryLabel: string };
  people: Option[];
  locked: boolean;
}) {
  const [state, action] = useActionState(saveMinutesHeaderAction, initialFormState);
  const v = { ...values, ...(state.ok ? {} : state.values) };
  const e = state.fieldErrors ?? {};
  const personOptions = [{ value: "", label: "Ingen" }, ...people];
  return (
    <form action={action} noValidate className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <fieldset disabled={locked} className="space-y-3">
        <SelectField label="Dokument" name="documentTitle" defaultValue={v.documentTitle} options={[{ value: "Referat", label: "Referat" }, { value: "Protokoll", label: "Protokoll" }]} error={e.documentTitle} />
        <MarkdownEditor label="Innledning" name="introduction" defaultValue={v.introduction} rows={3} error={e.introduction} hint="For eksempel hvem som ønsket velkommen." />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Underskrift: møteleder" name="chairId" defaultValue={v.chairId} options={[{ value: "", label: "Ingen" }, ...chairPeople]} error={e.chairId} hint="De som er til stede etter deltakerlisten." />
          <TextField label="Tittel under møteleders navn" name="chairLabel" defaultValue={v.chairLabel} error={e.chairLabel} />
          <SelectField label="Underskrift: sekretariat" name="secretaryId" defaultValue={v.secretaryId} options={personOptions} error={e.secretaryId} />
          <TextField label="Tittel under sekretærens navn" name="secretaryLabel" defaultValue={v.secretaryLabel} error={e.secretaryLabel} />
        </div>
      </fieldset>
      {!locked && <SubmitButton pendingLabel="Lagrer …">Lagre innledning og underskrifter</SubmitButton>}
    </form>
  );
}

export function ActionItemForm({ itemId, people, bodies }: { itemId: string; people: Option[]; bodies: Option[] }) {
  const [state, action] = useActionState(createActionItemFromDecisionAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-3 rounded border border-slate-200 p-3">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <TextField label="Oppfølgingspunkt" name="title" defaultValue={v.title} error={e.title} hint="Hva som skal gjøres, slik det står i vedtaket." />
      <SelectField label="Ansvarlige personer" name="personIds" multiple size={5} defaultValue={v.personIds ? v.personIds.split(",") : []} options={people} error={e.personIds} hint="Hold Ctrl (Cmd på Mac) for å velge flere. Den første blir hovedansvarlig." />
      <SelectField label="Eller en arbeidsgruppe" name="responsibleBodyId" defaultValue={v.responsibleBodyId} options={[{ value: "", label: "Ingen" }, ...bodies]} />
      <TextField label="Eller ansvarlig med egne ord" name="responsibleText" defaultValue={v.responsibleText} error={e.responsibleText} hint="For eksempel «arbeidsgruppe med kommunedirektørene i Hole og Modum»." />
      <TextField label="Frist" name="dueDate" type="date" defaultValue={v.dueDate} error={e.dueDate} />
      <SubmitButton pendingLabel="Oppretter …">Opprett oppfølgingspunkt</SubmitButton>
    </form>
  );
}

export function ProposeFromMinutesForm({ itemId, targets }: { itemId: string; targets: Option[] }) {
  const [state, action] = useActionState(proposeItemFromMinutesAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  if (targets.length === 0) return <p className="text-sm">Det er ingen kommende møter å foreslå saker til. Opprett møtet først.</p>;
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-3 rounded border border-slate-200 p-3">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <SelectField label="Til møtet" name="targetMeetingId" defaultValue={v.targetMeetingId} options={targets} error={e.targetMeetingId} />
      <TextField label="Tittel på foreslått sak" name="title" defaultValue={v.title} error={e.title} />
      <SelectField
        label="Sakstype"
        name="type"
        defaultValue={v.type}
        options={[
          { value: "ORIENTERINGSSAK", label: "Orienteringssak" },
          { value: "VEDTAKSSAK", label: "Vedtakssak" },
          { value: "DROFTINGSSAK", label: "Drøftingssak" },
        ]}
        error={e.type}
      />
      <TextAreaField label="Beskrivelse (valgfritt)" name="noticeText" rows={2} defaultValue={v.noticeText} error={e.noticeText} />
      <SubmitButton pendingLabel="Foreslår …">Foreslå sak</SubmitButton>
    </form>
  );
}

export function SendForCommentForm({ meetingId, resend }: { meetingId: string; resend: boolean }) {
  const [state, action] = useActionState(sendMinutesForCommentAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmitButton pendingLabel="Sender …">{resend ? "Send oppdatert utkast til kommentar" : "Send utkastet til medlemmene for kommentar"}</SubmitButton>
    </form>
  );
}

export function ApproveByItemForm({ itemId, minutesId, minutesVersion, minutesHash, label }: { itemId: string; minutesId: string; minutesVersion: number; minutesHash: string; label: string }) {
  const [state, action] = useActionState(approveMinutesByItemAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="minutesId" value={minutesId} />
      <input type="hidden" name="minutesVersion" value={minutesVersion} />
      <input type="hidden" name="minutesHash" value={minutesHash} />
      <SubmitButton pendingLabel="Godkjenner …">{`Registrer vedtaket: referatet fra ${label} godkjennes (versjon ${minutesVersion})`}</SubmitButton>
    </form>
  );
}

export function ErratumForm({ meetingId }: { meetingId: string }) {
  const [state, action] = useActionState(addErratumAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form key={state.ok ? state.message : "form"} action={action} noValidate className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextAreaField label="Rettelse" name="text" rows={3} defaultValue={v.text} error={state.fieldErrors?.text} hint="Skriv hva som var feil, hva som er riktig, og hvorfor. Rettelsen vises på referatet og logges." />
      <SubmitButton pendingLabel="Registrerer rettelsen …">Registrer rettelse</SubmitButton>
    </form>
  );
}

export function PublishSettingForm({ meetingId, publishMinutes }: { meetingId: string; publishMinutes: boolean }) {
  const [state, action] = useActionState(setPublishMinutesAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="publishMinutes" value={publishMinutes ? "off" : "on"} />
      <p>{publishMinutes ? "Godkjente referater fra dette organet publiseres på den offentlige siden." : "Godkjente referater fra dette organet er bare for innloggede medlemmer."}</p>
      <SubmitButton pendingLabel="Lagrer …">{publishMinutes ? "Slutt å publisere referater fra organet" : "Publiser referater fra organet"}</SubmitButton>
    </form>
  );
}

export function StartMinutesForm({ meetingId }: { meetingId: string }) {
  const [state, action] = useActionState(startMinutesAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmitButton pendingLabel="Starter …">Start referatet</SubmitButton>
    </form>
  );
}
