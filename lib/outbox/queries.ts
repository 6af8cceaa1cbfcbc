import "server-only";
import { getDb } from "@/lib/server/db";
import { listOutbox } from "@/lib/server/mail";
import type { Viewer } from "@/lib/authz/policy";

// The outbox spans every council (addresses and contents of all of them), so only installation
// administrators may read it. Null tells the page to answer 403.
export async function listOutboxForViewer(viewer: Viewer | null) {
  if (!viewer?.isSystemAdmin) return null;
  return listOutbox(await getDb(), { take: 200 });
}
