"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { saveItemMinutesAction } from "@/lib/minutes/actions";
import type { ItemMinutesState } from "@/lib/minutes/editing";

// A vote count the user typed that is not a whole number stays in the field as typed, so the save
// refuses it with a message on that field instead of silently dropping letters or a minus sign.
type Proposal = Omit<ItemMinutesState["proposals"][number], "votesFor" | "votesAgainst"> & { votesFor: number | string | null; votesAgainst: number | string | null };
type EditorState = Omit<ItemMinutesState, "proposals"> & { proposals: Proposal[] };
type Status = "saved" | "dirty" | "saving" | "error" | "conflict" | "locked";

const KIND_LABELS = { VEDTAK: "Vedtak", INNSTILLING: "Innstilling", KONKLUSJON: "Oppsummering av innspill og konklusjon" } as const;
const AUTOSAVE_MS = 1500;

const emptyProposal: Proposal = { proposedBy: null, text: "", votesFor: null, votesAgainst: null, votersFor: null, adopted: false };

/**
 * One agenda item's minutes: notes, decision, voting and inhabilitet, saved automatically a moment
 * after the last keystroke. A save names the version it started from; when someone else saved in
 * between, nothing is overwritten: the editor keeps this user's text and shows the saved version.
 */
// "kl. 17.59.02", as the portal writes times elsewhere ("kl. 14.00"), not the ICU's "17:59:02".
function clock(at: number | string | Date): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(".");
}

export function ItemMinutesEditor({
  itemId,
  initial,
  people,
  isPolitical,
  locked,
}: {
  itemId: string;
  initial: ItemMinutesState;
  people: { id: string; name: string }[];
  isPolitical: boolean;
  locked: boolean;
}) {
  const uid = useId();
  const [state, setState] = useState<EditorState>(initial);
  const [status, setStatus] = useState<Status>(locked ? "locked" : "saved");
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ItemMinutesState | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const latest = useRef(state);
  latest.current = state;
  const saving = useRef(false);
  const again = useRef(false);

  const save = useCallback(async () => {
    if (saving.current) {
      again.current = true;
      return;
    }
    saving.current = true;
    setStatus("saving");
    const snapshot = latest.current;
    try {
      const r = await saveItemMinutesAction({ itemId, ...snapshot });
      if (r.ok) {
        setState((s) => ({ ...s, version: r.version }));
        latest.current = { ...latest.current, version: r.version };
        setFieldErrors({});
        setMessage(null);
        setSavedAt(r.savedAt);
        setStatus(latest.current === snapshot || sameContent(latest.current, snapshot) ? "saved" : "dirty");
      } else if (r.conflict) {
        setConflict(r.conflict);
        setMessage(r.message);
        setStatus("conflict");
        again.current = false;
      } else {
        setFieldErrors(r.fieldErrors ?? {});
        setMessage(r.message);
        setStatus(r.message.includes("låst") ? "locked" : "error");
        again.current = false;
      }
    } catch {
      setMessage("Kunne ikke lagre – sjekk nettforbindelsen. Teksten din er beholdt, og vi prøver igjen når du skriver videre.");
      setStatus("error");
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }, [itemId]);

  // Autosave a moment after the last change; a conflict stops it until the user decides.
  useEffect(() => {
    if (status !== "dirty") return;
    const t = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [state, status, save]);

  // Text not yet saved (waiting, refused or in conflict) is not left behind without a question:
  // closing the tab asks through the browser, and a link in the page (which Next.js follows without
  // unloading the page) asks here.
  useEffect(() => {
    if (status !== "dirty" && status !== "saving" && status !== "error" && status !== "conflict") return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]");
      if (!a || a.getAttribute("target") === "_blank" || a.getAttribute("href")?.startsWith("#") || e.defaultPrevented) return;
      if (!window.confirm("Noe av det du har skrevet i referatet er ikke lagret. Vil du forlate siden likevel?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [status]);

  const update = (patch: Partial<EditorState>) => {
    setState((s) => ({ ...s, ...patch }));
    setStatus((st) => (st === "conflict" || st === "locked" ? st : "dirty"));
  };
  const setProposal = (i: number, patch: Partial<Proposal>) => update({ proposals: state.proposals.map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  const disabled = status === "locked";
  const err = (k: string) => fieldErrors[k];
  const count = (v: string): number | string | null => (v.trim() === "" ? null : /^\s*\d+\s*$/.test(v) ? Number(v) : v);

  return (
    <div className="space-y-4" data-item-editor={itemId}>
      <div>
        <label htmlFor={`${uid}-notes`} className="block font-medium mb-1">
          Notater fra behandlingen (Markdown)
        </label>
        <textarea
          id={`${uid}-notes`}
          rows={6}
          value={state.notes}
          disabled={disabled}
          onChange={(e) => update({ notes: e.target.value })}
          aria-invalid={err("notes") ? true : undefined}
          className="w-full rounded border border-slate-400 px-3 py-2 font-mono text-sm"
        />
        {err("notes") && <p className="mt-1 text-sm text-red-800">{err("notes")}</p>}
      </div>

      <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
        <div>
          <label htmlFor={`${uid}-kind`} className="block font-medium mb-1">
            Type
          </label>
          <select
            id={`${uid}-kind`}
            value={state.decisionKind}
            disabled={disabled}
            onChange={(e) => update({ decisionKind: e.target.value as ItemMinutesState["decisionKind"] })}
            className="w-full rounded border border-slate-400 bg-white px-3 py-2"
          >
            {Object.entries(KIND_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-decision`} className="block font-medium mb-1">
            {KIND_LABELS[state.decisionKind]}
          </label>
          <textarea
            id={`${uid}-decision`}
            rows={4}
            value={state.decisionText}
            disabled={disabled}
            onChange={(e) => update({ decisionText: e.target.value })}
            aria-invalid={err("decisionText") ? true : undefined}
            aria-describedby={err("decisionText") ? `${uid}-decision-err` : undefined}
            className="w-full rounded border border-slate-400 px-3 py-2 font-mono text-sm"
          />
          {err("decisionText") && (
            <p id={`${uid}-decision-err`} className="mt-1 text-sm text-red-800">
              {err("decisionText")}
            </p>
          )}
        </div>
      </div>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Votering{isPolitical ? " (kommuneloven § 11-4)" : ""}</legend>
        <div className="flex flex-wrap gap-4">
          {(
            [
              ["NONE", "Ikke registrert"],
              ["ENSTEMMIG", "Enstemmig"],
              ["VOTERING", "Votering over forslag"],
            ] as const
          ).map(([v, l]) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name={`${uid}-voting`} value={v} checked={state.voting === v} disabled={disabled} onChange={() => update({ voting: v, proposals: v === "VOTERING" && state.proposals.length === 0 ? [{ ...emptyProposal }] : state.proposals })} className="h-5 w-5" />
              {l}
            </label>
          ))}
        </div>
        {err("proposals") && <p className="mt-1 text-sm text-red-800">{err("proposals")}</p>}
        {state.voting === "VOTERING" && (
          <ol className="mt-3 space-y-3">
            {state.proposals.map((p, i) => (
              <li key={i} className="rounded border border-slate-200 p-3">
                <p className="font-medium mb-2">Forslag {i + 1}</p>
                <div className="grid gap-2 sm:grid-cols-2">
                  <SmallInput label="Forslagsstiller" value={p.proposedBy ?? ""} disabled={disabled} onChange={(v) => setProposal(i, { proposedBy: v || null })} error={err(`proposals.${i}.proposedBy`)} />
                  <SmallInput label="Hvem stemte for (parti eller navn)" value={p.votersFor ?? ""} disabled={disabled} onChange={(v) => setProposal(i, { votersFor: v || null })} error={err(`proposals.${i}.votersFor`)} />
                  <SmallInput className="sm:col-span-2" label="Forslagets tekst" value={p.text} disabled={disabled} onChange={(v) => setProposal(i, { text: v })} error={err(`proposals.${i}.text`)} />
                  <SmallInput label="Stemmer for" inputMode="numeric" value={p.votesFor?.toString() ?? ""} disabled={disabled} onChange={(v) => setProposal(i, { votesFor: count(v) })} error={err(`proposals.${i}.votesFor`)} />
                  <SmallInput label="Stemmer mot" inputMode="numeric" value={p.votesAgainst?.toString() ?? ""} disabled={disabled} onChange={(v) => setProposal(i, { votesAgainst: count(v) })} error={err(`proposals.${i}.votesAgainst`)} />
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-4">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" className="h-5 w-5" checked={p.adopted} disabled={disabled} onChange={(e) => setProposal(i, { adopted: e.target.checked })} />
                    Vedtatt
                  </label>
                  <button type="button" disabled={disabled} onClick={() => update({ proposals: state.proposals.filter((_, j) => j !== i) })} className="text-sm underline text-red-800">
                    Fjern forslag {i + 1}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {state.voting === "VOTERING" && (
          <button type="button" disabled={disabled} onClick={() => update({ proposals: [...state.proposals, { ...emptyProposal }] })} className="mt-2 rounded border border-slate-500 px-3 py-1 text-sm">
            Legg til forslag
          </button>
        )}
      </fieldset>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Inhabilitet</legend>
        {state.disqualifications.length === 0 && <p className="text-sm text-slate-700">Ingen er registrert som inhabile i saken.</p>}
        {err("disqualifications") && <p className="text-sm text-red-800">{err("disqualifications")}</p>}
        <ul className="space-y-2">
          {state.disqualifications.map((d, i) => (
            <li key={i} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] items-end">
              <div>
                <label htmlFor={`${uid}-dq-${i}`} className="block text-sm font-medium">
                  Inhabil person {i + 1}
                </label>
                <select
                  id={`${uid}-dq-${i}`}
                  value={d.personId}
                  disabled={disabled}
                  onChange={(e) => update({ disqualifications: state.disqualifications.map((x, j) => (j === i ? { ...x, personId: e.target.value } : x)) })}
                  className="w-full rounded border border-slate-400 bg-white px-2 py-1"
                >
                  <option value="">Velg person</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {err(`disqualifications.${i}.personId`) && <p className="text-sm text-red-800">{err(`disqualifications.${i}.personId`)}</p>}
              </div>
              <SmallInput label={`Hjemmel ${i + 1}`} value={d.basis} disabled={disabled} onChange={(v) => update({ disqualifications: state.disqualifications.map((x, j) => (j === i ? { ...x, basis: v } : x)) })} error={err(`disqualifications.${i}.basis`)} />
              <button type="button" disabled={disabled} onClick={() => update({ disqualifications: state.disqualifications.filter((_, j) => j !== i) })} className="text-sm underline text-red-800 pb-1">
                Fjern
              </button>
            </li>
          ))}
        </ul>
        <button type="button" disabled={disabled} onClick={() => update({ disqualifications: [...state.disqualifications, { personId: "", basis: "fvl. § 6" }] })} className="mt-2 rounded border border-slate-500 px-3 py-1 text-sm">
          Registrer inhabilitet
        </button>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void save()}
          disabled={disabled || status === "saving" || status === "conflict"}
          className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60"
        >
          Lagre nå
        </button>
        <p role="status" aria-live="polite" className="text-sm" data-save-status={status}>
          {status === "saved" && (savedAt ? `Lagret kl. ${clock(savedAt)}` : "Ingen ulagrede endringer")}
          {status === "dirty" && "Endringer lagres automatisk …"}
          {status === "saving" && "Lagrer …"}
          {status === "locked" && "Referatet er godkjent og låst."}
          {(status === "error" || status === "conflict") && <span className="text-red-800">{message}</span>}
        </p>
      </div>

      {conflict && (
        <section aria-label="Lagret versjon" className="rounded border-2 border-amber-700 bg-amber-50 p-3 space-y-2">
          <h4 className="font-semibold">Noen andre har lagret denne saken (versjon {conflict.version})</h4>
          <p className="text-sm">Det du skrev står fortsatt i feltene over. Den lagrede versjonen er:</p>
          <div className="rounded bg-white p-2 text-sm">
            <p className="font-medium">Notater</p>
            <pre className="whitespace-pre-wrap font-sans" data-conflict-notes>{conflict.notes || "(tomt)"}</pre>
            <p className="font-medium mt-2">{KIND_LABELS[conflict.decisionKind]}</p>
            <pre className="whitespace-pre-wrap font-sans" data-conflict-decision>{conflict.decisionText || "(tomt)"}</pre>
          </div>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className="rounded bg-brand-700 px-3 py-1 text-white"
              onClick={() => {
                const next = { ...latest.current, version: conflict.version };
                latest.current = next;
                setState(next);
                setConflict(null);
                setMessage(null);
                setStatus("dirty");
                void save();
              }}
            >
              Lagre min versjon over den lagrede
            </button>
            <button
              type="button"
              className="rounded border border-slate-600 px-3 py-1"
              onClick={() => {
                latest.current = conflict;
                setState(conflict);
                setConflict(null);
                setMessage(null);
                setStatus("saved");
              }}
            >
              Forkast min tekst og bruk den lagrede
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function sameContent(a: EditorState, b: EditorState): boolean {
  const { version: _a, ...x } = a;
  const { version: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

function SmallInput({
  label,
  value,
  onChange,
  error,
  disabled,
  className,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  disabled?: boolean;
  className?: string;
  inputMode?: "numeric";
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        value={value}
        disabled={disabled}
        inputMode={inputMode}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        className={`w-full rounded border px-2 py-1 ${error ? "border-red-700" : "border-slate-400"}`}
      />
      {error && (
        <p id={`${id}-err`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
