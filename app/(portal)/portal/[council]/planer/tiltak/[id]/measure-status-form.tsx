"use client";

import { updateMeasureStatusAction } from "@/lib/plans/actions";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES } from "@/lib/plans/schemas";
import { usePlanForm } from "@/components/plans/use-plan-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextAreaField } from "@/components/ui/fields";

export function MeasureStatusForm({ measureId, version, status }: { measureId: string; version: number; status: string }) {
  const { state, formAction, values: v, errors: e } = usePlanForm(updateMeasureStatusAction);
  return (
    <form key={`status-${version}`} action={formAction} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">Oppdater status</h2>
      <FormMessage state={state} />
      <input type="hidden" name="measureId" value={measureId} />
      <input type="hidden" name="version" value={version} />
      <SelectField label="Status" name="status" defaultValue={v.status ?? status} options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s] }))} error={e.status} />
      <TextAreaField label="Notat" name="comment" rows={3} defaultValue={v.comment} error={e.comment} hint="Hva har skjedd? Notatet står i historikken med navn og dato." />
      <SubmitButton pendingLabel="Lagrer …">Lagre status</SubmitButton>
    </form>
  );
}
