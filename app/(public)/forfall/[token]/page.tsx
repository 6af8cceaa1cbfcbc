import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/server/db";
import { getInvitationByToken } from "@/lib/meetings/absence";
import { RespondForm } from "./respond-form";

export const metadata: Metadata = { title: "Meld forfall", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function AbsencePage({ params }: Props) {
  const { token } = await params;
  const invitation = await getInvitationByToken(await getDb(), token);
  if (!invitation) notFound();
  const current =
    invitation.response === "ABSENT" ? "Du har meldt forfall." : invitation.response === "PRESENT" ? "Du har bekreftet at du kommer." : "Du har ikke svart ennå.";
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold mb-2">Møte i {invitation.bodyName}</h1>
      <p className="text-slate-800">{invitation.councilName}</p>
      <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Tid</dt>
        <dd>{invitation.timeLabel}</dd>
        <dt className="font-medium">Sted</dt>
        <dd>{invitation.location ?? "Ikke fastsatt"}</dd>
        <dt className="font-medium">Innkalt</dt>
        <dd>{invitation.personName}</dd>
      </dl>
      <p className="mb-4 font-medium">{current}</p>
      {invitation.cancelled ? (
        <p>Møtet er avlyst.</p>
      ) : invitation.canRespond ? (
        <RespondForm token={token} />
      ) : (
        <p>Møtet har startet, så svaret kan ikke endres her. Kontakt sekretariatet.</p>
      )}
    </div>
  );
}
