"use client";

export default function PublicError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert">
      <h1 className="text-2xl font-semibold mb-2">Noe gikk galt</h1>
      <p className="mb-4">Siden kunne ikke vises akkurat nå. Prøv igjen om litt.</p>
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white">
        Prøv igjen
      </button>
    </div>
  );
}
