import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { headers } from "next/headers";
import { forwardedClientIp } from "@/lib/server/client-ip";
import { env } from "@/lib/server/env";
import { getDb } from "@/lib/server/db";
import { authenticateCredentials } from "@/lib/server/credentials";
import { linkedUser, resolveExternalSignIn } from "@/lib/server/external-identity";
import { loginSchema } from "@/lib/auth/schemas";
import { decodeSession, SESSION_UPDATE_AGE_SECONDS } from "@/lib/security/session-token";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export async function clientIp(): Promise<string | null> {
  return forwardedClientIp(await headers());
}

function externalProviders(): NextAuthConfig["providers"] {
  const e = env();
  const providers: NextAuthConfig["providers"] = [];
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET && e.AUTH_MICROSOFT_ENTRA_ID_ISSUER) {
    providers.push(
      MicrosoftEntraID({
        clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
      }),
    );
  }
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME ?? "Kommunens pålogging",
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  }
  return providers;
}

export function externalProviderList(): { id: string; name: string }[] {
  return externalProviders().map((p) => {
    const provider = typeof p === "function" ? p() : p;
    return { id: provider.id, name: provider.name };
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    trustHost: true,
    secret: e.AUTH_SECRET,
    pages: { signIn: "/logg-inn", error: "/logg-inn" },
    // Idle timeout: the cookie dies after maxAge without use. The proxy re-issues it at most every
    // SESSION_UPDATE_AGE_SECONDS (lib/security/session-token.ts), as Auth.js would only from its
    // own session endpoint.
    session: { strategy: "jwt", maxAge: e.SESSION_IDLE_MINUTES * 60, updateAge: SESSION_UPDATE_AGE_SECONDS },
    jwt: { decode: decodeSession },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw) {
          const parsed = loginSchema.safeParse(raw);
          if (!parsed.success) return null;
          const db = await getDb();
          const result = await authenticateCredentials(
            db,
            { ...parsed.data, ip: await clientIp() },
            { maxFailures: e.LOGIN_MAX_FAILURES, windowMinutes: e.LOGIN_WINDOW_MINUTES },
          );
          if (!result.ok) {
            if (result.reason === "rate_limited") throw new RateLimited();
            return null;
          }
          return { id: result.user.id, name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
        },
      }),
      ...externalProviders(),
    ],
    callbacks: {
      // External sign-in only for users the secretariat has created: linked on e-mail the first
      // time, then found by the link (lib/server/external-identity.ts).
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        const db = await getDb();
        const result = await resolveExternalSignIn(db, { provider: account.provider, subject: account.providerAccountId, email: user.email, ip: await clientIp() });
        return result.ok ? true : "/logg-inn?feil=ukjent-bruker";
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const db = await getDb();
          // The external e-mail claim may name someone else than the linked user signIn let in.
          const row =
            account.provider === "credentials"
              ? await db.user.findUnique({ where: { email: (user.email ?? "").toLowerCase() }, select: { id: true, sessionVersion: true } })
              : await linkedUser(db, account.provider, account.providerAccountId);
          if (row) {
            token.uid = row.id;
            token.sv = row.sessionVersion;
            token.loginAt = Math.floor(Date.now() / 1000);
          }
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined, loginAt: token.loginAt as number | undefined };
      },
    },
  };
});
