import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { listManagedUsers } from "@/lib/users/queries";
import { canManageUser, canSetUserPassword, ROLE_LABELS, type ManagedUser } from "@/lib/authz/policy";
import { formatDate } from "@/lib/format/dates";
import { UserStatusForm } from "./user-status-form";
import { SetPasswordForm } from "./set-password-form";
import { IdentityLinksForm } from "./identity-links-form";
import { externalProviderList } from "@/lib/server/auth";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Brukere" };

export default async function UsersPage() {
  const viewer = await getViewer();
  // The layout redirects too, but a page renders alongside it (and again right after sign-out).
  if (!viewer) redirect("/logg-inn");
  const users = await listManagedUsers(viewer);
  if (!users) forbidden();
  // A link stays when its provider is switched off; it is then named by its id.
  const providerNames = new Map([["microsoft-entra-id", "Microsoft Entra ID"], ...externalProviderList().map((p) => [p.id, p.name] as [string, string])]);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-6">Brukere</h1>
      <TableScroll label="Brukere" className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Brukere du administrerer</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Navn</th>
              <th scope="col" className="p-2">Roller</th>
              <th scope="col" className="p-2">Sist innlogget</th>
              <th scope="col" className="p-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const target: ManagedUser = { id: u.id, isSystemAdmin: u.isSystemAdmin, councilIds: u.roles.map((r) => r.councilId) };
              return (
                <tr key={u.id} className="border-b border-slate-100 align-top">
                  <td className="p-2">
                    {u.name}
                    <br />
                    <span className="text-slate-700">{u.email}</span>
                  </td>
                  <td className="p-2">
                    {u.isSystemAdmin && <div>Systemadministrator</div>}
                    {u.roles.map((r) => (
                      <div key={r.council.name}>
                        {ROLE_LABELS[r.role]}, {r.council.name}
                      </div>
                    ))}
                  </td>
                  <td className="p-2">{u.lastLoginAt ? formatDate(u.lastLoginAt) : "Aldri"}</td>
                  <td className="p-2">
                    {u.id === viewer.userId ? (
                      "Deg selv"
                    ) : canManageUser(viewer, target) ? (
                      <>
                        <UserStatusForm userId={u.id} name={u.name} disabled={u.isDisabled} version={u.version} />
                        {canSetUserPassword(viewer, target) && <SetPasswordForm userId={u.id} name={u.name} version={u.version} />}
                        <IdentityLinksForm userId={u.id} name={u.name} version={u.version} links={u.identities.map((i) => ({ id: i.id, provider: providerNames.get(i.provider) ?? i.provider }))} />
                      </>
                    ) : (
                      // Listed for a shared council, but not theirs to manage (an installation administrator,
                      // or someone with a role in another council too): a button here would only be refused.
                      <>
                        <p>{u.isDisabled ? "Deaktivert" : "Aktiv"}</p>
                        {!u.isSystemAdmin && <p className="text-slate-700">Har også roller i råd du ikke administrerer. Kontakt systemadministrator for endringer.</p>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
