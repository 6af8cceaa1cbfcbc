"use client";

import { adoptPlanAction, copyPlanAction, startPlanRevisionAction } from "@/lib/plans/actions";
import { usePlanForm } from "@/components/plans/use-plan-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextAreaField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";

type Option = { value: string; label: string };

export function AdoptPlanForm({ planId, version, decisions, today }: { planId: string; version: number; decisions: Option[]; today: string }) {
  const { state, formAction, values: v, errors: e } = usePlanForm(adoptPlanAction);
  return (
    <form action={formAction} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">Vedta planen</h2>
      <p className="text-sm">Planen låses som en ny versjon, med vedtaket den ble vedtatt i. Senere endringer blir en ny versjon; denne blir ikke overskrevet.</p>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <SelectField label="Vedtak" name="decisionId" defaultValue={v.decisionId ?? ""} options={[{ value: "", label: "Velg vedtaket …" }, ...decisions]} error={e.decisionId} hint="Saken og møtet der planen ble vedtatt." />
      <TextField label="Vedtatt dato" name="adoptedAt" type="date" defaultValue={v.adoptedAt ?? today} error={e.adoptedAt} />
      <TextAreaField label="Endringer i denne versjonen (valgfritt)" name="changeNote" rows={2} defaultValue={v.changeNote} error={e.changeNote} />
      <SubmitButton pendingLabel="Vedtar …">Registrer vedtaket</SubmitButton>
    </form>
  );
}

export function StartRevisionForm({ planId, version }: { planId: string; version: number }) {
  const { state, formAction } = usePlanForm(startPlanRevisionAction);
  return (
    <form action={formAction} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">Revider planen</h2>
      <p className="text-sm">Medlemmene ser den vedtatte versjonen til revisjonen er vedtatt.</p>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingLabel="Åpner …">Start revisjon</SubmitButton>
    </form>
  );
}

export function CopyPlanForm({ planId, title, year }: { planId: string; title: string; year: number }) {
  const { state, formAction, values: v, errors: e } = usePlanForm(copyPlanAction);
  return (
    <form action={formAction} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">Kopier til neste år</h2>
      <p className="text-sm">Tekst, seksjoner, satsingsområder og mål kopieres. Tiltak som ikke er gjennomført eller utgått, videreføres og viser hvor de kom fra.</p>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <TextField label="Tittel på ny plan" name="title" defaultValue={v.title ?? title} error={e.title} />
      <TextField label="År" name="year" inputMode="numeric" defaultValue={v.year ?? String(year)} error={e.year} />
      <div className="flex items-start gap-2">
        <input id="excludeUnanchored" name="excludeUnanchored" type="checkbox" defaultChecked={v.excludeUnanchored === "on"} className="mt-1 h-4 w-4" />
        <label htmlFor="excludeUnanchored">Ikke ta med tiltak som ikke er ressursmessig forankret</label>
      </div>
      <SubmitButton pendingLabel="Kopierer …">Lag neste års plan</SubmitButton>
    </form>
  );
}
