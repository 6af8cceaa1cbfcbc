"use client";

import { useId, useState } from "react";
import { Markdown } from "@/components/ui/markdown";

// A Markdown textarea with a preview rendered by the same sanitising component as the pages.
export function MarkdownEditor({ label, name, defaultValue, error, hint, rows = 10 }: { label: string; name: string; defaultValue?: string; error?: string; hint?: string; rows?: number }) {
  const id = useId();
  const [value, setValue] = useState(defaultValue ?? "");
  const [preview, setPreview] = useState(false);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2 mb-1">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <button type="button" onClick={() => setPreview((p) => !p)} aria-pressed={preview} className="rounded border border-slate-500 px-2 py-0.5 text-sm hover:bg-slate-100">
          {preview ? "Tilbake til redigering" : "Forhåndsvis"}
        </button>
      </div>
      {hint && <p id={`${id}-hint`} className="text-sm text-slate-700 mb-1">{hint}</p>}
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        hidden={preview}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-feil` : null].filter(Boolean).join(" ") || undefined}
        className={`w-full rounded border px-3 py-2 font-mono text-sm ${error ? "border-red-700" : "border-slate-400"}`}
      />
      {preview && (
        <div className="rounded border border-slate-300 bg-slate-50 p-3 min-h-24" aria-live="polite">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-slate-700">Ingen tekst ennå.</p>}
        </div>
      )}
      {error && (
        <p id={`${id}-feil`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
