"use client";

// Last resort when even the root layout fails: plain HTML, Norwegian, no stack trace.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="nb">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Noe gikk galt</h1>
          <p>Portalen kunne ikke vise siden. Prøv igjen om litt.</p>
          <button type="button" onClick={reset}>
            Prøv igjen
          </button>
        </main>
      </body>
    </html>
  );
}
