"use client";

import Link from "next/link";
import { addPlanTagAction, removePlanTagAction } from "@/lib/plans/actions";
import { usePlanForm } from "@/components/plans/use-plan-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useId } from "react";

type Tag = { id: string; kind: string; title: string; href: string; plan: string };
type Group = { label: string; options: { value: string; label: string }[] };

export function TagList({ slug, target, tags, canManage }: { slug: string; target: "case" | "decision"; tags: Tag[]; canManage: boolean }) {
  if (tags.length === 0) return <p className="text-sm">Ikke knyttet til noen plan.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {tags.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center gap-2">
          <span>
            {t.kind}:{" "}
            <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${t.href}`}>
              {t.title}
            </Link>{" "}
            ({t.plan})
          </span>
          {canManage && <RemoveTag target={target} tagId={t.id} label={t.title} />}
        </li>
      ))}
    </ul>
  );
}

function RemoveTag({ target, tagId, label }: { target: string; tagId: string; label: string }) {
  const { state, formAction } = usePlanForm(removePlanTagAction);
  return (
    <form action={formAction}>
      {!state.ok && <FormMessage state={state} />}
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="tagId" value={tagId} />
      <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 hover:bg-slate-100" aria-label={`Fjern koblingen til ${label}`}>
        Fjern
      </button>
    </form>
  );
}

export function AddTagForm({ target, targetId, groups, label }: { target: "case" | "decision"; targetId: string; groups: Group[]; label: string }) {
  const { state, formAction, values: v, errors: e, resetKey } = usePlanForm(addPlanTagAction);
  const id = useId();
  return (
    <form key={`tag-${resetKey}`} action={formAction} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="targetId" value={targetId} />
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block font-medium mb-1">
          {label}
        </label>
        <select
          // As in SelectField: a new default mounts a new select, which React's form reset would otherwise undo.
          key={v.tag ?? ""}
          id={id}
          name="tag"
          defaultValue={v.tag ?? ""}
          aria-invalid={e.tag ? true : undefined}
          aria-describedby={e.tag ? `${id}-feil` : undefined}
          className={`w-full rounded border bg-white px-3 py-2 ${e.tag ? "border-red-700" : "border-slate-400"}`}
        >
          <option value="">Velg satsingsområde eller tiltak …</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {e.tag && (
          <p id={`${id}-feil`} className="mt-1 text-sm text-red-800">
            {e.tag}
          </p>
        )}
      </div>
      <SubmitButton pendingLabel="Kobler …">Koble</SubmitButton>
    </form>
  );
}
