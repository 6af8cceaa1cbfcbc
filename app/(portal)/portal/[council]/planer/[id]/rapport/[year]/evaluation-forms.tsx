"use client";

import { saveEvaluationAreaAction, saveEvaluationSummaryAction } from "@/lib/plans/actions";
import { usePlanForm } from "@/components/plans/use-plan-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MarkdownEditor } from "@/components/ui/markdown-editor";

type AreaEvaluation = { statusText: string; trends: string; priorities: string; version: number };

export function AreaEvaluationForm({ planId, year, focusAreaId, areaTitle, evaluation }: { planId: string; year: number; focusAreaId: string; areaTitle: string; evaluation: AreaEvaluation }) {
  const { state, formAction, values: v, errors: e } = usePlanForm(saveEvaluationAreaAction);
  return (
    <form key={`ev-${evaluation.version}`} action={formAction} noValidate className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3 print:hidden">
      <h4 className="font-semibold">Skriv vurderingen for {areaTitle}</h4>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="focusAreaId" value={focusAreaId} />
      <input type="hidden" name="version" value={evaluation.version} />
      <MarkdownEditor label="Status og måloppnåelse (kommentar)" name="statusText" rows={3} defaultValue={v.statusText ?? evaluation.statusText} error={e.statusText} />
      <MarkdownEditor label="Utviklingstrekk og retning" name="trends" rows={3} defaultValue={v.trends ?? evaluation.trends} error={e.trends} />
      <MarkdownEditor label="Videre prioriteringer" name="priorities" rows={3} defaultValue={v.priorities ?? evaluation.priorities} error={e.priorities} />
      <SubmitButton pendingLabel="Lagrer …">Lagre vurderingen</SubmitButton>
    </form>
  );
}

export function SummaryForm({ planId, year, summary, version }: { planId: string; year: number; summary: string; version: number }) {
  const { state, formAction, values: v, errors: e } = usePlanForm(saveEvaluationSummaryAction);
  return (
    <form key={`sum-${version}`} action={formAction} noValidate className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3 print:hidden">
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <MarkdownEditor label="Oppsummering av året" name="summary" rows={4} defaultValue={v.summary ?? summary} error={e.summary} />
      <SubmitButton pendingLabel="Lagrer …">Lagre oppsummeringen</SubmitButton>
    </form>
  );
}
