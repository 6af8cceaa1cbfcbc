import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getReminderPreference } from "@/lib/follow-up/queries";
import { ReminderPreferenceForm } from "./reminder-preference-form";

export const metadata: Metadata = { title: "Innstillinger" };

export default async function SettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  const reminders = await getReminderPreference(viewer);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-4">Innstillinger</h1>
      <section aria-labelledby="paaminnelser" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="paaminnelser" className="text-xl font-semibold mb-2">Påminnelser om oppfølging</h2>
        <p className="mb-3">Portalen sender deg en e-post når et oppfølgingspunkt du er ansvarlig for nærmer seg fristen, og når fristen er passert.</p>
        <ReminderPreferenceForm enabled={reminders} />
      </section>
    </>
  );
}
