import os from "node:os";
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
    // Vitest leaves a core to its main process, which idles here: on CI's two cores that meant one test file
    // at a time. A worker per core: the PGlite suite took 620 s with one worker and 379 s with two.
    maxWorkers: os.availableParallelism(),
    server: { deps: { external: [/@prisma\/schema-engine-wasm/, /@electric-sql\/pglite/] } },
  },
});
