"use client";

import { useActionState } from "react";
import { addCaseReferenceAction, forwardCaseAction, updateAgendaItemAction, type ItemFormState } from "@/lib/meetings/actions";
import { deleteAttachmentAction, updateAttachmentAction, uploadAttachmentAction } from "@/lib/attachments/actions";
import { checkedAfterError, initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/text-field";
import { CheckboxField, SelectField, TextAreaField } from "@/components/ui/fields";
import { MarkdownEditor } from "@/components/ui/markdown-editor";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Markdown } from "@/components/ui/markdown";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";
import { UPLOAD_ACCEPT, MAX_UPLOAD_MB } from "@/lib/attachments/validate";

const typeOptions = Object.entries(CASE_TYPE_LABELS).map(([value, label]) => ({ value, label }));

export function ItemForm({ item, hasCase }: { item: Record<string, string>; hasCase: boolean }) {
  const [state, action] = useActionState<ItemFormState, FormData>(updateAgendaItemAction, initialFormState);
  // After a conflict the user's own text stays in the fields; the versions move on to the stored ones,
  // so saving again deliberately replaces what the other person wrote.
  const v: Record<string, string> = { ...item, ...(state.ok ? {} : state.values), ...(state.conflict ? { itemVersion: state.conflict.itemVersion, caseVersion: state.conflict.caseVersion } : {}) };
  const e = state.fieldErrors ?? {};
  // An unticked box is missing from the returned values: without this it would come back ticked.
  const sent = state.ok ? {} : (state.values ?? {});
  const checked = (name: string) => checkedAfterError(sent, name, "title", item[name] === "on");
  return (
    <form key={`${v.itemVersion}-${v.caseVersion}`} action={action} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <FormMessage state={state} />
      {state.conflict && (
        <div className="rounded border border-amber-700 bg-amber-50 p-3">
          <p className="font-semibold">Lagret versjon (lagret etter at du åpnet siden)</p>
          <p><strong>Tittel:</strong> {state.conflict.title}</p>
          {state.conflict.background && (
            <div>
              <strong>Saksframlegg:</strong>
              <Markdown>{state.conflict.background}</Markdown>
            </div>
          )}
          {state.conflict.proposedDecision && (
            <div>
              <strong>Forslag til vedtak:</strong>
              <Markdown>{state.conflict.proposedDecision}</Markdown>
            </div>
          )}
        </div>
      )}
      <input type="hidden" name="itemId" value={item.itemId} />
      <input type="hidden" name="itemVersion" value={v.itemVersion} />
      <input type="hidden" name="caseVersion" value={v.caseVersion} />
      <TextField label="Tittel" name="title" defaultValue={v.title} error={e.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Sakstype" name="type" options={typeOptions} defaultValue={v.type} error={e.type} />
        <TextField label="Presenteres av (v/)" name="presenter" defaultValue={v.presenter} error={e.presenter} />
      </div>
      <TextAreaField label="Tekst i innkallingen" name="noticeText" rows={2} defaultValue={v.noticeText} error={e.noticeText} hint="Kort tekst under tittelen, for eksempel «Innkalling ble utsendt pr. e-post 11. januar 2022»." />
      {hasCase && (
        <>
          <MarkdownEditor label="Saksframlegg" name="background" defaultValue={v.background} error={e.background} hint="Markdown: **fet**, *kursiv*, lister med «-», lenker [tekst](https://…)." rows={12} />
          <MarkdownEditor label="Forslag til vedtak / innstilling" name="proposedDecision" defaultValue={v.proposedDecision} error={e.proposedDecision} rows={5} />
          <CheckboxField label="Unntatt offentlighet" name="isExempt" defaultChecked={checked("isExempt")} />
          <TextField label="Hjemmel for unntak" name="exemptionBasis" defaultValue={v.exemptionBasis} error={e.exemptionBasis} hint="For eksempel «offl. § 13, jf. fvl. § 13»." />
        </>
      )}
      <CheckboxField label="Behandles i lukket møte" name="isClosed" defaultChecked={checked("isClosed")} />
      <TextField label="Hjemmel for lukket møte" name="closedBasis" defaultValue={v.closedBasis} error={e.closedBasis} hint="For eksempel «kommuneloven § 11-5 andre ledd, jf. offentleglova § 13»." />
      <SubmitButton pendingLabel="Lagrer …">Lagre saken</SubmitButton>
    </form>
  );
}

export function AttachmentForm({ itemId }: { itemId: string }) {
  const [state, action] = useActionState(uploadAttachmentAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <TextField label="Fil" name="file" type="file" accept={UPLOAD_ACCEPT} error={e.file} hint={`PDF, Office-dokumenter eller bilder, høyst ${MAX_UPLOAD_MB} MB.`} />
      <CheckboxField label="Vedlegget er unntatt offentlighet" name="isExempt" defaultChecked={!state.ok && state.values?.isExempt === "on"} />
      <TextField label="Hjemmel for unntak av vedlegget" name="exemptionBasis" defaultValue={state.ok ? "" : state.values?.exemptionBasis} error={e.exemptionBasis} hint="Når vedlegget er unntatt og saken ikke er det. For eksempel «offl. § 13, jf. fvl. § 13 første ledd nr. 1»." />
      <SubmitButton pendingLabel="Laster opp …">Last opp vedlegg</SubmitButton>
    </form>
  );
}

type AttachmentRow = { id: string; fileName: string; isExempt: boolean; exemptionBasis: string | null };

// Per file: exempt or public with its basis (also after sending, to withdraw a file from the public
// pages), and delete while it has not gone out with a notice.
export function AttachmentControls({ itemId, attachment: a, canDelete }: { itemId: string; attachment: AttachmentRow; canDelete: boolean }) {
  const [state, action] = useActionState(updateAttachmentAction, initialFormState);
  const [deleted, deleteAction] = useActionState(deleteAttachmentAction, initialFormState);
  const sent = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <details className="mt-1 mb-2 text-sm" open={!!(state.message || deleted.message) || undefined}>
      <summary className="cursor-pointer text-brand-700 underline">Endre «{a.fileName}»</summary>
      <form key={`${a.isExempt}-${a.exemptionBasis}`} action={action} noValidate className="mt-2 space-y-2 rounded border border-slate-200 p-3">
        <FormMessage state={state} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="attachmentId" value={a.id} />
        <input type="hidden" name="wasExempt" value={a.isExempt ? "on" : ""} />
        <input type="hidden" name="wasBasis" value={a.exemptionBasis ?? ""} />
        <CheckboxField label={`«${a.fileName}» er unntatt offentlighet`} name="isExempt" defaultChecked={checkedAfterError(sent, "isExempt", "attachmentId", a.isExempt)} />
        <TextField label={`Hjemmel for unntak av «${a.fileName}»`} name="exemptionBasis" defaultValue={sent.exemptionBasis ?? a.exemptionBasis ?? ""} error={e.exemptionBasis} />
        <SubmitButton pendingLabel="Lagrer …">Lagre vedlegget</SubmitButton>
      </form>
      {canDelete ? (
        <form action={deleteAction} className="mt-2">
          <FormMessage state={deleted} />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="attachmentId" value={a.id} />
          <ConfirmSubmit key={deleted.message ?? "start"} question={`Slette «${a.fileName}»? Filen fjernes fra saken.`} confirmLabel="Ja, slett vedlegget" pendingLabel="Sletter …">{`Slett «${a.fileName}»`}</ConfirmSubmit>
        </form>
      ) : (
        <p className="mt-2 text-slate-700">Vedlegget er sendt ut med en innkalling og kan ikke slettes, men det kan unntas offentlighet.</p>
      )}
    </details>
  );
}

export function ReferenceForm({ itemId }: { itemId: string }) {
  const [state, action] = useActionState(addCaseReferenceAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? state.message : "f"} action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <TextField label="Saksnummer" name="reference" defaultValue={v.reference} error={e.reference} hint="For eksempel 4/22 eller sak 03/25. Har flere organer samme nummer, skriv organets forkortelse foran: AU 4/22." />
      <TextField label="Tekst (valgfri)" name="label" defaultValue={v.label} error={e.label} hint="For eksempel «oppfølging av vedtak i styresak 03/25, punkt 4»." />
      <SubmitButton>Legg til henvisning</SubmitButton>
    </form>
  );
}

export function ForwardCaseForm({ caseId, targets }: { caseId: string; targets: { value: string; label: string }[] }) {
  const [state, action] = useActionState(forwardCaseAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField label="Til møtet" name="targetMeetingId" options={targets} defaultValue={state.values?.targetMeetingId} error={e.targetMeetingId} />
      <SubmitButton>Send saken videre</SubmitButton>
    </form>
  );
}
