import { bodiesResponse } from "@/lib/open-data/handlers";

export async function GET(request: Request) {
  return bodiesResponse(request);
}
