import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { externalProviderList } from "@/lib/server/auth";
import { signInWithProviderAction } from "@/lib/auth/actions";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Logg inn", alternates: { canonical: "/logg-inn" } };

type Props = { searchParams: Promise<{ neste?: string; feil?: string; melding?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { neste, feil, melding } = await searchParams;
  if (await getViewer()) redirect("/portal");
  const providers = externalProviderList();
  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="text-2xl font-semibold mb-2">Logg inn</h1>
      <p className="mb-6 text-slate-700">For sekretariat, medlemmer og koordinatorer i rådene.</p>
      {feil === "ukjent-bruker" && (
        <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          Kontoen din er ikke registrert i portalen. Kontakt sekretariatet.
        </p>
      )}
      {melding === "passord-endret" && (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Passordet ditt er endret, og du er logget ut på alle enheter. Logg inn på nytt med det nye passordet.
        </p>
      )}
      <LoginForm next={neste} />
      {providers.length > 0 && (
        <div className="mt-6 space-y-2">
          <p className="text-slate-700">Eller logg inn med kommunens konto:</p>
          {providers.map((p) => (
            <form key={p.id} action={signInWithProviderAction}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="neste" value={neste ?? ""} />
              <button type="submit" className="w-full rounded border border-brand-700 px-4 py-2 text-brand-700 hover:bg-brand-50">
                Logg inn med {p.name}
              </button>
            </form>
          ))}
        </div>
      )}
    </div>
  );
}
