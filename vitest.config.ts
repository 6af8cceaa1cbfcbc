import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, "$1") },
      // Tests run outside React's server environment; the guard itself is checked by Next's build.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "tests/helpers/empty.ts") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.tsx", "prisma/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    server: { deps: { external: [/@prisma\/schema-engine-wasm/, /@electric-sql\/pglite/] } },
  },
});
