import { systemResponse } from "@/lib/open-data/handlers";

// OParl 1.1 System: the entry point of the read-only open data API.
export async function GET() {
  return systemResponse();
}
