import "server-only";
import { z } from "zod";

const optional = z.string().trim().min(1).optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  PGLITE_DATA_DIR: optional,
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET må være minst 16 tegn").optional(),
  // Minutes without activity before a session ends, and hours after sign-in when it ends regardless.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  AUTH_MICROSOFT_ENTRA_ID_ID: optional,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optional,
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: optional,
  AUTH_OIDC_ISSUER: optional,
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_NAME: optional,
  // Follow-up reminders: items due within this many days, and overdue items, are e-mailed once each.
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(90).default(7),
  // How often the in-process job looks for items to remind about.
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable (DATABASE_URL= in a .env file) means "not set", as it does for the database choice.
  const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ugyldig konfigurasjon:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
