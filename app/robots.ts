import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/server/base-url";

export const dynamic = "force-dynamic";

// The signed-in portal, personal links and the auth endpoints are not for search engines.
export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = await publicBaseUrl();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/portal", "/forfall/", "/api/auth/", "/logg-inn", "/filer/"] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
