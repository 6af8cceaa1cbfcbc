import { getViewer } from "@/lib/authz/viewer";
import { EXPORT_LIMIT, listActionItems } from "@/lib/follow-up/queries";
import { parseActionFilter } from "@/lib/follow-up/schemas";
import { actionItemsCsv } from "@/lib/follow-up/csv";
import { osloDateString } from "@/lib/format/dates";

// The overview's current filtered list as CSV, for Excel: the same query string as the page.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Du må logge inn.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const filter = parseActionFilter(new URL(request.url).searchParams);
  const now = new Date();
  const { rows } = await listActionItems(viewer, filter, now, EXPORT_LIMIT);
  const body = actionItemsCsv(rows);
  const stamp = osloDateString(now);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="oppfolging-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
