// The "Organ" filter of the meeting lists: a plain select in a GET form, so it works without JavaScript.
export function BodySelect({ bodies, value }: { bodies: { abbreviation: string; name: string }[]; value?: string }) {
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor="organ" className="block font-medium mb-1">
        Organ
      </label>
      {/* Body names are long; without a width cap the select would widen the page on a phone. */}
      <select id="organ" name="organ" defaultValue={value ?? ""} className="w-full max-w-full rounded border border-slate-400 bg-white px-3 py-2 sm:w-auto">
        <option value="">Alle organer</option>
        {bodies.map((b) => (
          <option key={b.abbreviation} value={b.abbreviation}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}
