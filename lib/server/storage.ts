import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

// Attachment bytes live outside the database so backups, quotas and an S3-compatible store can be
// handled separately. Attachment.storageKey is the only link; the key never comes from a user.
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`Ugyldig lagringsnøkkel: ${JSON.stringify(key.slice(0, 100))}`);
    this.name = "StorageKeyError";
  }
}

// Lower-case segments separated by "/". The same rule holds for S3 later, so keys stay portable.
const KEY_PATTERN = /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)*$/;

export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > 512 || !KEY_PATTERN.test(key)) return false;
  // No "..", and no segment starting with "." — that also keeps keys apart from in-flight temp files.
  return !key.includes("..") && key.split("/").every((segment) => !segment.startsWith("."));
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new StorageKeyError(key);
}

/** A fresh key for an uploaded attachment; the year prefix keeps directories from growing without bound. */
export function newAttachmentStorageKey(now: Date = new Date()): string {
  return `attachments/${now.getUTCFullYear()}/${randomUUID()}`;
}

function isErrno(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? "");
}

export class DiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathFor(key: string): string {
    assertValidStorageKey(key);
    const full = path.resolve(this.root, ...key.split("/"));
    // Belt and braces: the key rules already forbid escaping the root.
    if (!full.startsWith(this.root + path.sep)) throw new StorageKeyError(key);
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathFor(key);
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true, mode: 0o750 });
    // Write to a temp file in the same directory and rename: readers see the old file or the whole
    // new one, never a half-written attachment after a crash or a full disk.
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString("hex")}`);
    try {
      const handle = await fs.open(temp, "wx", 0o640);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathFor(key));
    } catch (error) {
      if (isErrno(error, "ENOENT", "EISDIR", "ENOTDIR")) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await fs.unlink(this.pathFor(key));
    } catch (error) {
      // Deleting twice (a retried request, a cleanup job) is not an error.
      if (isErrno(error, "ENOENT")) return;
      throw error;
    }
  }
}

const envSchema = z.object({
  STORAGE_BACKEND: z.enum(["disk"]).default("disk"),
  STORAGE_DIR: z.string().trim().min(1).default(".data/files"),
});

export type StorageEnv = z.infer<typeof envSchema>;

export function parseStorageEnv(source: Record<string, string | undefined> = process.env): StorageEnv {
  // An empty value in .env means "not set", as elsewhere in the configuration.
  const cleaned = Object.fromEntries(
    Object.entries({ STORAGE_BACKEND: source.STORAGE_BACKEND, STORAGE_DIR: source.STORAGE_DIR }).filter(
      ([, v]) => v !== undefined && v.trim() !== "",
    ),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ugyldig konfigurasjon for fillagring:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function createStorage(config: StorageEnv, cwd: string = process.cwd()): FileStorage {
  switch (config.STORAGE_BACKEND) {
    case "disk": {
      const root = path.resolve(cwd, config.STORAGE_DIR);
      const publicDir = path.resolve(cwd, "public");
      // Anything under public/ is served by Next.js without access control.
      if (root === publicDir || root.startsWith(publicDir + path.sep)) {
        throw new Error("STORAGE_DIR kan ikke ligge under public/: vedlegg ville blitt tilgjengelige uten tilgangskontroll.");
      }
      return new DiskStorage(root);
    }
  }
}

const globalForStorage = globalThis as unknown as { __iprStorage?: FileStorage };

export function getStorage(): FileStorage {
  globalForStorage.__iprStorage ??= createStorage(parseStorageEnv());
  return globalForStorage.__iprStorage;
}
