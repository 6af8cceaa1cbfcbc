import { getViewer } from "@/lib/authz/viewer";
import { getAttachmentForDownload } from "@/lib/attachments/queries";
import { downloadHeaders } from "@/lib/attachments/validate";
import { getStorage } from "@/lib/server/storage";

// Files are served from storage outside public/, always as downloads with nosniff.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const attachment = await getAttachmentForDownload(await getViewer(), id);
  if (!attachment) return new Response("Fant ikke filen.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const data = await getStorage().get(attachment.storageKey);
  if (!data) return new Response("Filen mangler i lageret.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(data), { headers: downloadHeaders(attachment) });
}
