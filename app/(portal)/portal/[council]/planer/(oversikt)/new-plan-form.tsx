"use client";

import { createPlanAction } from "@/lib/plans/actions";
import { PLAN_KIND_LABELS, PLAN_KINDS } from "@/lib/plans/schemas";
import { usePlanForm } from "@/components/plans/use-plan-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";

export function NewPlanForm({ councilSlug, strategies, year }: { councilSlug: string; strategies: { value: string; label: string }[]; year: number }) {
  const { state, formAction, values: v, errors: e } = usePlanForm(createPlanAction);
  return (
    <form action={formAction} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">Ny plan</h2>
      <FormMessage state={state} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <SelectField label="Type" name="kind" defaultValue={v.kind ?? "ACTION_PLAN"} options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))} error={e.kind} />
      <TextField label="Tittel" name="title" defaultValue={v.title} error={e.title} hint="Slik den står på forsiden, for eksempel «Strategi- og handlingsplan 2025»." />
      <TextField label="Undertittel (valgfri)" name="subtitle" defaultValue={v.subtitle} error={e.subtitle} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Første år" name="periodFrom" inputMode="numeric" defaultValue={v.periodFrom ?? String(year)} error={e.periodFrom} />
        <TextField label="Siste år" name="periodTo" inputMode="numeric" defaultValue={v.periodTo ?? String(year)} error={e.periodTo} hint="Samme år for en ettårig handlingsplan." />
      </div>
      <SelectField label="Bygger på strategi (for handlingsplaner)" name="strategyId" defaultValue={v.strategyId ?? ""} options={[{ value: "", label: "Ingen" }, ...strategies]} error={e.strategyId} />
      <SubmitButton pendingLabel="Oppretter …">Opprett plan</SubmitButton>
    </form>
  );
}
