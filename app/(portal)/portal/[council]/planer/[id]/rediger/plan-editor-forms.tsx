"use client";

import { useId } from "react";
import {
  addMeasuresAction,
  deletePlanPartAction,
  movePlanPartAction,
  saveFocusAreaAction,
  saveGoalAction,
  saveMeasureAction,
  saveSectionAction,
  updatePlanAction,
} from "@/lib/plans/actions";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES, PLAN_KIND_LABELS, PLAN_KINDS, type PlanPart } from "@/lib/plans/schemas";
import { changedByOther, usePlanForm } from "@/components/plans/use-plan-form";
import { checkedAfterError } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextAreaField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";
import { MarkdownEditor } from "@/components/ui/markdown-editor";

type Option = { value: string; label: string };

type Compared = { label: string; typed?: string; stored?: string | null };

// After a save conflict: what the other person stored, field by field where it differs from what
// the user typed (which stays in the fields), so the two can be merged before saving again.
function StoredVersion({ show, fields }: { show: boolean; fields: Compared[] }) {
  const changed = show ? changedByOther(fields) : [];
  if (changed.length === 0) return null;
  return (
    <details open className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
      <summary className="cursor-pointer font-semibold">Den lagrede versjonen</summary>
      <dl className="mt-2 space-y-2">
        {changed.map((f) => (
          <div key={f.label}>
            <dt className="font-medium">{f.label}</dt>
            <dd className="whitespace-pre-wrap break-words">{f.stored || "(tomt)"}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} className="mt-1 h-4 w-4" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

type PlanHeader = {
  id: string;
  version: number;
  kind: string;
  title: string;
  subtitle: string | null;
  periodFrom: number;
  periodTo: number;
  strategyId: string | null;
  purpose: string;
  principlesInclude: string;
  principlesExclude: string;
};

export function PlanHeaderForm({ plan, strategies }: { plan: PlanHeader; strategies: Option[] }) {
  const { state, formAction, values: v, errors: e, conflict } = usePlanForm(updatePlanAction);
  return (
    <form key={`plan-${plan.version}`} action={formAction} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">Forside, formål og prinsipper</h2>
      <FormMessage state={state} />
      <StoredVersion
        show={conflict}
        fields={[
          { label: "Tittel", typed: v.title, stored: plan.title },
          { label: "Undertittel", typed: v.subtitle, stored: plan.subtitle },
          { label: "Første år", typed: v.periodFrom, stored: String(plan.periodFrom) },
          { label: "Siste år", typed: v.periodTo, stored: String(plan.periodTo) },
          { label: "Formål og mandat", typed: v.purpose, stored: plan.purpose },
          { label: "Dette tar rådet på seg (prinsipper)", typed: v.principlesInclude, stored: plan.principlesInclude },
          { label: "Dette skal rådet ikke drive med", typed: v.principlesExclude, stored: plan.principlesExclude },
        ]}
      />
      <input type="hidden" name="planId" value={plan.id} />
      <input type="hidden" name="version" value={plan.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Type" name="kind" defaultValue={v.kind ?? plan.kind} options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))} error={e.kind} />
        <SelectField label="Bygger på strategi" name="strategyId" defaultValue={v.strategyId ?? plan.strategyId ?? ""} options={[{ value: "", label: "Ingen" }, ...strategies]} error={e.strategyId} />
      </div>
      <TextField label="Tittel" name="title" defaultValue={v.title ?? plan.title} error={e.title} />
      <TextField label="Undertittel" name="subtitle" defaultValue={v.subtitle ?? plan.subtitle ?? ""} error={e.subtitle} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Første år" name="periodFrom" inputMode="numeric" defaultValue={v.periodFrom ?? String(plan.periodFrom)} error={e.periodFrom} />
        <TextField label="Siste år" name="periodTo" inputMode="numeric" defaultValue={v.periodTo ?? String(plan.periodTo)} error={e.periodTo} />
      </div>
      <MarkdownEditor label="Formål og mandat" name="purpose" rows={8} defaultValue={v.purpose ?? plan.purpose} error={e.purpose} hint="For eksempel formålet fra samarbeidsavtalen. Markdown: tom linje mellom avsnitt, «- » for punkter, *kursiv*." />
      <MarkdownEditor label="Dette tar rådet på seg (prinsipper)" name="principlesInclude" rows={4} defaultValue={v.principlesInclude ?? plan.principlesInclude} error={e.principlesInclude} />
      <MarkdownEditor label="Dette skal rådet ikke drive med" name="principlesExclude" rows={4} defaultValue={v.principlesExclude ?? plan.principlesExclude} error={e.principlesExclude} />
      <SubmitButton pendingLabel="Lagrer …">Lagre forside og formål</SubmitButton>
    </form>
  );
}

type Section = { id: string; heading: string; body: string; afterFocusAreas: boolean; version: number };

export function SectionForm({ planId, section }: { planId: string; section?: Section }) {
  const { state, formAction, values: v, errors: e, resetKey, conflict, gone } = usePlanForm(saveSectionAction);
  const stored = gone ? undefined : section;
  return (
    <form key={section ? `s-${section.version}` : `ny-seksjon-${resetKey}`} action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <StoredVersion show={conflict && !!section} fields={[{ label: "Overskrift", typed: v.heading, stored: section?.heading }, { label: "Tekst", typed: v.body, stored: section?.body }]} />
      <input type="hidden" name="planId" value={planId} />
      {stored && <input type="hidden" name="sectionId" value={stored.id} />}
      <input type="hidden" name="version" value={stored?.version ?? 0} />
      <TextField label="Overskrift" name="heading" defaultValue={v.heading ?? section?.heading} error={e.heading} />
      <MarkdownEditor label="Tekst" name="body" rows={6} defaultValue={v.body ?? section?.body} error={e.body} hint="Kan stå tom, for eksempel for et spørsmål rådet skal drøfte." />
      <Checkbox name="afterFocusAreas" label="Plasser etter satsingsområdene" defaultChecked={checkedAfterError(v, "afterFocusAreas", "heading", section?.afterFocusAreas ?? false)} />
      <SubmitButton pendingLabel="Lagrer …">{gone ? "Legg til på nytt" : section ? "Lagre seksjonen" : "Legg til seksjon"}</SubmitButton>
    </form>
  );
}

export function FocusAreaForm({ planId, area }: { planId: string; area?: { id: string; title: string; description: string; version: number } }) {
  const { state, formAction, values: v, errors: e, resetKey, conflict, gone } = usePlanForm(saveFocusAreaAction);
  const stored = gone ? undefined : area;
  return (
    <form key={area ? `a-${area.version}` : `nytt-omrade-${resetKey}`} action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <StoredVersion show={conflict && !!area} fields={[{ label: "Navn på satsingsområdet", typed: v.title, stored: area?.title }, { label: "Beskrivelse", typed: v.description, stored: area?.description }]} />
      <input type="hidden" name="planId" value={planId} />
      {stored && <input type="hidden" name="focusAreaId" value={stored.id} />}
      <input type="hidden" name="version" value={stored?.version ?? 0} />
      <TextField label="Navn på satsingsområdet" name="title" defaultValue={v.title ?? area?.title} error={e.title} />
      <MarkdownEditor label="Beskrivelse" name="description" rows={3} defaultValue={v.description ?? area?.description} error={e.description} />
      <SubmitButton pendingLabel="Lagrer …">{gone ? "Legg til på nytt" : area ? "Lagre satsingsområdet" : "Legg til satsingsområde"}</SubmitButton>
    </form>
  );
}

export function GoalForm({ focusAreaId, goal }: { focusAreaId: string; goal?: { id: string; text: string; version: number } }) {
  const { state, formAction, values: v, errors: e, resetKey, conflict, gone, areaGone } = usePlanForm(saveGoalAction);
  const stored = gone ? undefined : goal;
  return (
    <form key={goal ? `g-${goal.version}` : `nytt-mal-${resetKey}`} action={formAction} noValidate className="space-y-2">
      <FormMessage state={state} />
      <StoredVersion show={conflict && !!goal} fields={[{ label: "Mål", typed: v.text, stored: goal?.text }]} />
      <input type="hidden" name="focusAreaId" value={focusAreaId} />
      {stored && <input type="hidden" name="goalId" value={stored.id} />}
      <input type="hidden" name="version" value={stored?.version ?? 0} />
      <TextField label={goal ? "Mål" : "Nytt mål"} name="text" defaultValue={v.text ?? goal?.text} error={e.text} />
      {!areaGone && <SubmitButton pendingLabel="Lagrer …">{gone ? "Legg til på nytt" : goal ? "Lagre målet" : "Legg til mål"}</SubmitButton>}
    </form>
  );
}

type Measure = {
  id: string;
  title: string;
  description: string;
  goalId: string | null;
  owner: string;
  ownerText: string | null;
  timeFrame: string | null;
  deadline: string;
  status: string;
  resourceAnchored: boolean;
  indicators: string | null;
  version: number;
};

export function MeasureForm({ focusAreaId, measure, goals, owners }: { focusAreaId: string; measure?: Measure; goals: Option[]; owners: Option[] }) {
  const { state, formAction, values: v, errors: e, resetKey, conflict, gone, areaGone } = usePlanForm(saveMeasureAction);
  const stored = gone ? undefined : measure;
  return (
    <form key={measure ? `m-${measure.version}` : `nytt-tiltak-${resetKey}`} action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <StoredVersion
        show={conflict && !!measure}
        fields={[
          { label: "Tiltak", typed: v.title, stored: measure?.title },
          { label: "Beskrivelse", typed: v.description, stored: measure?.description },
          { label: "Eier (fritekst)", typed: v.ownerText, stored: measure?.ownerText },
          { label: "Tidsramme", typed: v.timeFrame, stored: measure?.timeFrame },
          { label: "Frist", typed: v.deadline, stored: measure?.deadline },
          { label: "Status", typed: v.status && (MEASURE_STATUS_LABELS[v.status as keyof typeof MEASURE_STATUS_LABELS] ?? v.status), stored: measure && MEASURE_STATUS_LABELS[measure.status as keyof typeof MEASURE_STATUS_LABELS] },
          { label: "Indikatorer", typed: v.indicators, stored: measure?.indicators },
        ]}
      />
      <input type="hidden" name="focusAreaId" value={focusAreaId} />
      {stored && <input type="hidden" name="measureId" value={stored.id} />}
      <input type="hidden" name="version" value={stored?.version ?? 0} />
      <TextField label="Tiltak" name="title" defaultValue={v.title ?? measure?.title} error={e.title} />
      <TextAreaField label="Beskrivelse" name="description" rows={3} defaultValue={v.description ?? measure?.description} error={e.description} hint="Markdown. Underpunkter skrives «- » på egne linjer." />
      {goals.length > 0 && <SelectField label="Mål" name="goalId" defaultValue={v.goalId ?? measure?.goalId ?? ""} options={[{ value: "", label: "Ikke knyttet til et mål" }, ...goals]} error={e.goalId} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Eier" name="owner" defaultValue={v.owner ?? measure?.owner ?? ""} options={[{ value: "", label: "Ingen valgt" }, ...owners]} error={e.owner} hint="En person, et organ eller en medlemskommune." />
        <TextField label="Eier (fritekst)" name="ownerText" defaultValue={v.ownerText ?? measure?.ownerText ?? ""} error={e.ownerText} hint="Når ingen i listen passer, eller som tillegg: «Sekretariatet», «Ikke avklart»." />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Tidsramme" name="timeFrame" defaultValue={v.timeFrame ?? measure?.timeFrame ?? ""} error={e.timeFrame} hint="«2025», «Q2 2025», «2025–2028»." />
        <TextField label="Frist" name="deadline" type="date" defaultValue={v.deadline ?? measure?.deadline ?? ""} error={e.deadline} />
        <SelectField label="Status" name="status" defaultValue={v.status ?? measure?.status ?? "PLANNED"} options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s] }))} error={e.status} />
      </div>
      <Checkbox name="resourceAnchored" label="Ressursmessig forankret" defaultChecked={checkedAfterError(v, "resourceAnchored", "title", measure?.resourceAnchored ?? false)} />
      <TextAreaField label="Indikatorer (valgfritt)" name="indicators" rows={2} defaultValue={v.indicators ?? measure?.indicators ?? ""} error={e.indicators} />
      {!areaGone && <SubmitButton pendingLabel="Lagrer …">{gone ? "Legg til på nytt" : measure ? "Lagre tiltaket" : "Legg til tiltak"}</SubmitButton>}
    </form>
  );
}

export function BulkMeasuresForm({ focusAreaId }: { focusAreaId: string }) {
  const { state, formAction, values: v, errors: e, resetKey } = usePlanForm(addMeasuresAction);
  return (
    <form key={`flere-${resetKey}`} action={formAction} noValidate className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="focusAreaId" value={focusAreaId} />
      <TextAreaField label="Flere tiltak, ett per linje" name="lines" rows={5} defaultValue={v.lines} error={e.lines} hint="Lim inn en punktliste fra Word: tankestreker og punkttegn fjernes. Eier, tid og status kan fylles inn etterpå." />
      <SubmitButton pendingLabel="Legger til …">Legg til tiltakene</SubmitButton>
    </form>
  );
}

/** Move and delete, as buttons so they work from the keyboard. */
export function PartControls({ part, id, version, label, first, last }: { part: PlanPart; id: string; version: number; label: string; first: boolean; last: boolean }) {
  const move = usePlanForm(movePlanPartAction);
  const del = usePlanForm(deletePlanPartAction);
  const message = del.state.message && !del.state.ok ? del.state : move.state.message && !move.state.ok ? move.state : null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {message && <FormMessage state={message} />}
      {!first && (
        <form action={move.formAction}>
          <input type="hidden" name="part" value={part} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 hover:bg-slate-100" aria-label={`Flytt opp: ${label}`}>
            ↑ Opp
          </button>
        </form>
      )}
      {!last && (
        <form action={move.formAction}>
          <input type="hidden" name="part" value={part} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 hover:bg-slate-100" aria-label={`Flytt ned: ${label}`}>
            ↓ Ned
          </button>
        </form>
      )}
      <form
        action={del.formAction}
        onSubmit={(ev) => {
          if (!window.confirm(`Slette «${label}»?`)) ev.preventDefault();
        }}
      >
        <input type="hidden" name="part" value={part} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="rounded border border-red-800 px-2 py-0.5 text-red-800 hover:bg-red-50" aria-label={`Slett: ${label}`}>
          Slett
        </button>
      </form>
    </div>
  );
}
