import "server-only";
import { getDb } from "@/lib/server/db";
import { listOutbox } from "@/lib/server/mail";
import { canReadOutbox, type Viewer } from "@/lib/authz/policy";

/** Null tells the page to answer 403 (canReadOutbox in the policy). */
export async function listOutboxForViewer(viewer: Viewer | null) {
  if (!canReadOutbox(viewer)) return null;
  return listOutbox(await getDb(), { take: 200 });
}
