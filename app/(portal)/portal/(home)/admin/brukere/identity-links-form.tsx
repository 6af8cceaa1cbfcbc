"use client";

import { useActionState } from "react";
import { removeUserIdentityAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";

// One state for all of a user's links: the message of a removal outlives the removed link's form.
export function IdentityLinksForm({ userId, name, version, links }: { userId: string; name: string; version: number; links: { id: string; provider: string }[] }) {
  const [state, action, pending] = useActionState(removeUserIdentityAction, initialFormState);
  if (links.length === 0 && !state.message) return null;
  return (
    <div className="mt-2 space-y-1">
      {links.map((l) => (
        <form key={l.id} action={action} className="space-y-1">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="identityId" value={l.id} />
          <input type="hidden" name="version" value={version} />
          <p>Koblet til {l.provider}</p>
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100"
            aria-label={`Fjern koblingen til ${l.provider} for ${name}`}
          >
            Fjern koblingen
          </button>
        </form>
      ))}
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-800"}>
          {state.message}
        </p>
      )}
    </div>
  );
}
