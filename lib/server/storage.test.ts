import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DiskStorage,
  StorageKeyError,
  createStorage,
  isValidStorageKey,
  newAttachmentStorageKey,
  parseStorageEnv,
} from "@/lib/server/storage";

let root: string;
let storage: DiskStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ipr-storage-"));
  storage = new DiskStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("DiskStorage", () => {
  it("round-trips put, get and delete", async () => {
    const key = "attachments/2022/abc-123.pdf";
    const data = Buffer.from("%PDF-1.7 innhold med æøå");
    await storage.put(key, data);
    expect(await storage.get(key)).toEqual(data);
    expect((await stat(path.join(root, "attachments", "2022", "abc-123.pdf"))).size).toBe(data.length);

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined(); // idempotent
  });

  it("returns null for a missing key", async () => {
    expect(await storage.get("attachments/finnes-ikke")).toBeNull();
    await storage.put("a/b", Buffer.from("x"));
    expect(await storage.get("a")).toBeNull(); // a directory is not a file
    expect(await storage.get("a/b/c")).toBeNull();
  });

  it("overwrites atomically and leaves no temp files behind", async () => {
    await storage.put("k/fil", Buffer.from("første"));
    await storage.put("k/fil", Buffer.from("andre"));
    expect((await storage.get("k/fil"))?.toString()).toBe("andre");
    expect(await readdir(path.join(root, "k"))).toEqual(["fil"]);
  });

  it("stores binary data unchanged", async () => {
    const data = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await storage.put("bin", data);
    expect(Buffer.compare((await storage.get("bin"))!, data)).toBe(0);
  });

  it.each([
    "../utenfor",
    "a/../../utenfor",
    "a/..",
    "..",
    "/etc/passwd",
    "C:\\windows",
    "a\\b",
    "a//b",
    "a/",
    "/a",
    "",
    ".skjult",
    "a/.tmp-123",
    "Store-Bokstaver",
    "mellom rom",
    "æøå",
    "a\0b",
    "%2e%2e/x",
    "x".repeat(513),
  ])("rejects the key %j", async (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
    expect(await readdir(root)).toEqual([]);
  });

  it("accepts generated attachment keys", () => {
    const key = newAttachmentStorageKey(new Date("2022-01-17T12:00:00Z"));
    expect(key).toMatch(/^attachments\/2022\/[0-9a-f-]{36}$/);
    expect(isValidStorageKey(key)).toBe(true);
  });
});

describe("storage configuration", () => {
  it("defaults to disk under .data/files", () => {
    expect(parseStorageEnv({})).toEqual({ STORAGE_BACKEND: "disk", STORAGE_DIR: ".data/files" });
    expect(parseStorageEnv({ STORAGE_BACKEND: "", STORAGE_DIR: " " })).toEqual({
      STORAGE_BACKEND: "disk",
      STORAGE_DIR: ".data/files",
    });
    const created = createStorage(parseStorageEnv({}), "/srv/ipr");
    expect(created).toBeInstanceOf(DiskStorage);
    expect((created as DiskStorage).root).toBe(path.resolve("/srv/ipr/.data/files"));
  });

  it("refuses unknown backends", () => {
    expect(() => parseStorageEnv({ STORAGE_BACKEND: "s3" })).toThrow(/STORAGE_BACKEND/);
  });

  it("refuses a storage folder under public/", () => {
    expect(() => createStorage({ STORAGE_BACKEND: "disk", STORAGE_DIR: "public/files" }, "/srv/ipr")).toThrow(/public/);
    expect(() => createStorage({ STORAGE_BACKEND: "disk", STORAGE_DIR: "./public" }, "/srv/ipr")).toThrow(/public/);
  });
});
