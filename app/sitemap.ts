import type { MetadataRoute } from "next";
import { listPublicUrls } from "@/lib/councils/sitemap";
import { publicBaseUrl } from "@/lib/server/base-url";

// Built per request from the database: what is public changes as notices go out.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = await publicBaseUrl();
  const urls = await listPublicUrls();
  return [{ url: `${base}/` }, { url: `${base}/tilgjengelighet` }, { url: `${base}/sok` }, ...urls.map((u) => ({ url: `${base}${u.path}`, lastModified: u.lastModified }))];
}
