import { defineConfig } from "prisma/config";

// The portal applies migrations itself through the WASM schema engine (scripts/db.mjs);
// this file lets the standard CLI (`prisma generate`, and `prisma migrate deploy` where the
// native engine is available) find the same schema and migrations.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
