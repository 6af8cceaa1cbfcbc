"use client";

import { useFormStatus } from "react-dom";

// While the action runs the button refuses a second submit but stays enabled: a disabled button
// loses the keyboard focus, which the browser then puts back at the top of the page.
export function SubmitButton({ children, pendingLabel }: { children: React.ReactNode; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
      className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-70"
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
