"use client";

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="hovedinnhold" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8" role="alert">
      <h1 className="text-2xl font-semibold mb-2">Noe gikk galt</h1>
      <p className="mb-4">Handlingen kunne ikke fullføres. Ingenting du har lagret er tapt. Prøv igjen om litt.</p>
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white">
        Prøv igjen
      </button>
    </main>
  );
}
