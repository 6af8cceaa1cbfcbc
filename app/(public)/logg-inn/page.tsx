import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Logg inn", alternates: { canonical: "/logg-inn" } };

type Props = { searchParams: Promise<{ neste?: string; feil?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { neste, feil } = await searchParams;
  if (await getViewer()) redirect("/portal");
  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="text-2xl font-semibold mb-2">Logg inn</h1>
      <p className="mb-6 text-slate-700">For sekretariat, medlemmer og koordinatorer i rådene.</p>
      {feil === "ukjent-bruker" && (
        <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          Kontoen din er ikke registrert i portalen. Kontakt sekretariatet.
        </p>
      )}
      <LoginForm next={neste} />
    </div>
  );
}
