import { useId, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type Base = { label: string; name: string; error?: string; hint?: string };

function useDescribed(error?: string, hint?: string) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-feil` : null].filter(Boolean).join(" ") || undefined;
  return { id, describedBy };
}

function Help({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700 mb-1">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-feil`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </>
  );
}

export function TextAreaField({ label, name, error, hint, className, ...rest }: Base & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, describedBy } = useDescribed(error, hint);
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium mb-1">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded border px-3 py-2 font-mono text-sm ${error ? "border-red-700" : "border-slate-400"}`}
        {...rest}
      />
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  className,
  ...rest
}: Base & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const { id, describedBy } = useDescribed(error, hint);
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium mb-1">
        {label}
      </label>
      <select
        // React resets a form once its action returns, and a <select> then goes back to the option it was
        // first rendered with, not to the defaultValue sent back with the errors or the saved data (an
        // input follows its new default). A new default therefore mounts a new select.
        key={JSON.stringify(rest.defaultValue ?? null)}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded border bg-white px-3 py-2 ${error ? "border-red-700" : "border-slate-400"}`}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({ label, name, defaultChecked, error }: { label: string; name: string; defaultChecked?: boolean; error?: string }) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} className="h-5 w-5" aria-invalid={error ? true : undefined} />
        <label htmlFor={id}>{label}</label>
      </div>
      {error && <p className="mt-1 text-sm text-red-800">{error}</p>}
    </div>
  );
}
