import { describe, expect, it } from "vitest";
import { chairOptions } from "./chair-options";

const person = (id: string) => ({ id, name: `Navn ${id}` });
const row = (id: string, status: "PRESENT" | "REMOTE" | "ABSENT" | "SUBSTITUTE", extra: { isGuest?: boolean; isSecretariat?: boolean } = {}) => ({
  status,
  isGuest: extra.isGuest ?? false,
  isSecretariat: extra.isSecretariat ?? false,
  person: person(id),
});

describe("chairOptions", () => {
  it("offers the whole register before any attendance is registered", () => {
    expect(chairOptions([], [person("a"), person("b")], null).map((o) => o.value)).toEqual(["a", "b"]);
  });

  it("offers only those present, remote or as substitute, in register order, guests left out", () => {
    const rows = [row("a", "PRESENT"), row("b", "ABSENT"), row("c", "SUBSTITUTE"), row("d", "REMOTE"), row("g", "PRESENT", { isGuest: true }), row("s", "PRESENT", { isSecretariat: true })];
    expect(chairOptions(rows, [person("x")], null).map((o) => o.value)).toEqual(["a", "c", "d", "s"]);
  });

  it("keeps a saved chair who is not present, marked, so saving again does not drop it", () => {
    const rows = [row("a", "PRESENT"), row("b", "ABSENT")];
    expect(chairOptions(rows, [person("z")], "b")).toEqual([
      { value: "a", label: "Navn a" },
      { value: "b", label: "Navn b (ikke til stede)" },
    ]);
    expect(chairOptions(rows, [person("z")], "z").at(-1)).toEqual({ value: "z", label: "Navn z (ikke til stede)" });
  });
});
