import { bodyResponse } from "@/lib/open-data/handlers";

// A Body is a council, addressed by its slug.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyResponse((await params).id);
}
