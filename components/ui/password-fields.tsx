import { TextField } from "@/components/ui/text-field";

export const PASSWORD_HINT = "Minst 12 tegn. Vanlige passord godtas ikke. Flere ord med mellomrom er lett å huske og vanskelig å gjette.";

/** New password, typed twice: the fields of every form that sets a password (newPasswordPairShape). */
export function PasswordFields({ errors }: { errors?: Record<string, string> }) {
  return (
    <>
      <TextField
        label="Nytt passord"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={PASSWORD_HINT}
        error={errors?.newPassword}
      />
      <TextField
        label="Gjenta nytt passord"
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.repeatPassword}
      />
    </>
  );
}
