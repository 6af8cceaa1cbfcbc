import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getReminderPreference } from "@/lib/follow-up/queries";
import { getPasswordStatus } from "@/lib/users/queries";
import { formatDate } from "@/lib/format/dates";
import { ReminderPreferenceForm } from "./reminder-preference-form";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Innstillinger" };

export default async function SettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  const [reminders, password] = await Promise.all([getReminderPreference(viewer), getPasswordStatus(viewer)]);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-4">Innstillinger</h1>
      <section aria-labelledby="paaminnelser" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="paaminnelser" className="text-xl font-semibold mb-2">Påminnelser om oppfølging</h2>
        <p className="mb-3">Portalen sender deg en e-post når et oppfølgingspunkt du er ansvarlig for nærmer seg fristen, og når fristen er passert.</p>
        <ReminderPreferenceForm enabled={reminders} />
      </section>
      <section aria-labelledby="passord" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="passord" className="text-xl font-semibold mb-2">Passord</h2>
        {password.hasPassword ? (
          <>
            <p className="mb-3">
              Når du endrer passordet, blir du logget ut på alle enheter, også her. Logg inn igjen med det nye passordet.
              {password.passwordChangedAt && ` Sist endret ${formatDate(password.passwordChangedAt)}.`}
            </p>
            <ChangePasswordForm email={viewer.email} />
          </>
        ) : (
          <p>
            Du logger inn med kommunens konto (for eksempel Microsoft Entra ID) og har ikke eget passord i portalen. Passordet endrer du
            hos kommunen din.
          </p>
        )}
      </section>
    </>
  );
}
