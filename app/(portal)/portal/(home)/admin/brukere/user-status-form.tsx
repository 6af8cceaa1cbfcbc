"use client";

import { useActionState } from "react";
import { setUserDisabledAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";

export function UserStatusForm({ userId, name, disabled, version }: { userId: string; name: string; disabled: boolean; version: number }) {
  const [state, action, pending] = useActionState(setUserDisabledAction, initialFormState);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <p>{disabled ? "Deaktivert" : "Aktiv"}</p>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100"
        aria-label={`${disabled ? "Aktiver" : "Deaktiver"} ${name}`}
      >
        {disabled ? "Aktiver" : "Deaktiver"}
      </button>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-800"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
