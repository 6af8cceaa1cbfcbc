import { IntentLink } from "@/components/ui/intent-link";
import { auditScope, can, type Viewer } from "@/lib/authz/policy";
import { logoutAction } from "@/lib/auth/actions";
import { CouncilSwitcher } from "@/components/layout/council-switcher";

type Props = { viewer: Viewer | null; currentCouncilSlug?: string };

export function SiteHeader({ viewer, currentCouncilSlug }: Props) {
  const current = viewer?.councils.find((c) => c.slug === currentCouncilSlug) ?? viewer?.councils[0];
  const isAdmin = viewer?.isSystemAdmin || viewer?.councils.some((c) => c.role === "ADMIN");
  return (
    <header role="banner" className="bg-brand-900 text-white">
      <a
        href="#hovedinnhold"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
      >
        Hopp til hovedinnhold
      </a>
      <div className="mx-auto max-w-5xl px-4 py-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <IntentLink href={viewer ? "/portal" : "/"} className="text-lg font-semibold tracking-tight">
          IPR-portalen
        </IntentLink>
        {/* On a phone the menu takes a row of its own under the name and the sign-out button: squeezed
            between them, "Oppfølging" ran under the button at 320 px. */}
        <nav aria-label="Hovedmeny" className="order-last basis-full min-w-0 sm:order-none sm:basis-0 sm:flex-1">
          <ul className="nav-links flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {viewer ? (
              <>
                <li>
                  <IntentLink href="/portal">
                    Min oversikt
                  </IntentLink>
                </li>
                {current && (
                  <>
                    <li>
                      <IntentLink href={`/portal/${current.slug}/moter`}>
                        Møter
                      </IntentLink>
                    </li>
                    <li>
                      <IntentLink href={`/portal/${current.slug}/referater`}>
                        Referater
                      </IntentLink>
                    </li>
                    <li>
                      <IntentLink href={`/portal/oppfolging?rad=${current.slug}`}>
                        Oppfølging
                      </IntentLink>
                    </li>
                    <li>
                      <IntentLink href={`/portal/${current.slug}/planer`}>
                        Planer
                      </IntentLink>
                    </li>
                    {can(viewer, "council.manage", current.councilId) && (
                      <li>
                        <IntentLink href={`/portal/${current.slug}/personer`}>
                          Personer
                        </IntentLink>
                      </li>
                    )}
                    {can(viewer, "council.manage", current.councilId) && (
                      <li>
                        <IntentLink href={`/portal/${current.slug}/organer`}>
                          Organer
                        </IntentLink>
                      </li>
                    )}
                  </>
                )}
                {isAdmin && (
                  <li>
                    <IntentLink href="/portal/admin/brukere">
                      Brukere
                    </IntentLink>
                  </li>
                )}
                {viewer.isSystemAdmin && (
                  <li>
                    <IntentLink href="/portal/admin/utboks">
                      Utboks
                    </IntentLink>
                  </li>
                )}
                {auditScope(viewer) && (
                  <li>
                    <IntentLink href="/portal/admin/logg">
                      Revisjonslogg
                    </IntentLink>
                  </li>
                )}
                <li>
                  <IntentLink href="/sok">
                    Søk
                  </IntentLink>
                </li>
                <li>
                  <IntentLink href="/">
                    Offentlige sider
                  </IntentLink>
                </li>
              </>
            ) : (
              <>
                <li>
                  <IntentLink href="/">
                    Rådene
                  </IntentLink>
                </li>
                <li>
                  <IntentLink href="/sok">
                    Søk
                  </IntentLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm sm:ml-0">
          {viewer && viewer.councils.length > 1 && (
            <CouncilSwitcher councils={viewer.councils} currentSlug={current?.slug} />
          )}
          {viewer ? (
            <form action={logoutAction} className="flex items-center gap-3">
              <span className="hidden sm:inline" aria-label="Innlogget som">
                {viewer.name}
              </span>
              <button
                type="submit"
                className="rounded border border-white/70 px-3 py-1 hover:bg-white hover:text-brand-900"
              >
                Logg ut
              </button>
            </form>
          ) : (
            <IntentLink href="/logg-inn" className="rounded border border-white/70 px-3 py-1 hover:bg-white hover:text-brand-900">
              Logg inn
            </IntentLink>
          )}
        </div>
      </div>
    </header>
  );
}
