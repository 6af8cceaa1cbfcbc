import { vi } from "vitest";

// Next's request context and the app's infrastructure, replaced by the stand-ins of
// tests/helpers/action-harness.ts for tests that call server actions directly. Import this module
// first in such a test file: the mocks apply to the modules imported after it (the actions are
// imported dynamically, by loadActions).
vi.mock("@/lib/server/db", async () => (await import("@/tests/helpers/action-harness")).dbModule);
vi.mock("@/lib/authz/viewer", async (original) => (await import("@/tests/helpers/action-harness")).viewerModule(await original<object>()));
vi.mock("next/cache", async () => (await import("@/tests/helpers/action-harness")).cacheModule);
vi.mock("next/headers", async () => (await import("@/tests/helpers/action-harness")).headersModule);
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
// next-auth's errors without next-auth itself (its ESM build imports next/server, which Node cannot resolve here).
vi.mock("next-auth", async () => await import("@auth/core/errors"));
vi.mock("@/lib/server/auth", async () => (await import("@/tests/helpers/action-harness")).authModule());
vi.mock("@/lib/server/mail", async (original) => (await import("@/tests/helpers/action-harness")).mailModule(await original<object>()));
