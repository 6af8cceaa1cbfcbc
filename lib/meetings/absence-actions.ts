"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/server/db";
import { formValues, invalid } from "@/lib/authz/guards";
import { respondSchema } from "@/lib/meetings/absence-schemas";
import { respondToInvitation } from "@/lib/meetings/absence";
import type { FormState } from "@/lib/forms";

// The personal token from the e-mail is the authorization: it names one invitee of one meeting.
export async function respondToInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = respondSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const db = await getDb();
  const result = await respondToInvitation(db, parsed.data.token, parsed.data.response, parsed.data.comment || undefined);
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath(`/forfall/${parsed.data.token}`);
  return {
    ok: true,
    message: parsed.data.response === "ABSENT" ? "Forfallet er registrert. Sekretariatet ser det i møteoversikten." : "Takk, oppmøtet ditt er registrert.",
  };
}
