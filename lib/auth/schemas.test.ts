import { describe, expect, it } from "vitest";
import { changePasswordSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { setUserPasswordSchema } from "@/lib/users/schemas";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

const error = (password: string) => {
  const r = newPasswordSchema.safeParse(password);
  return r.success ? null : r.error.issues[0]?.message;
};

describe("new password rule", () => {
  it("refuses 11 characters and accepts 12", () => {
    expect(error("kvist-fjord")).toBe("Passordet må ha minst 12 tegn.");
    expect(error("kvist-fjordx")).toBeNull();
  });

  it("accepts 128 characters and refuses 129", () => {
    const long = "Båt på fjorden i mai ".repeat(7).slice(0, 128);
    expect([...long].length).toBe(128);
    expect(error(long)).toBeNull();
    expect(error(`${long}x`)).toBe("Passordet kan ikke være lengre enn 128 tegn.");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(error("æøåæøåæøåæø")).toBe("Passordet må ha minst 12 tegn.");
    expect(error("🍎🍐🍊🍋🍌🍉🍇🍓🍈🍒🍑🥝")).toBeNull();
    expect(error("🍎🍐🍊🍋🍌🍉🍇🍓🍈🍒🍑")).toBe("Passordet må ha minst 12 tegn.");
  });

  it("refuses passwords on the shipped list, whatever the case", () => {
    // 12 characters or more from the vendored list (lib/auth/common-passwords.txt).
    expect(error("qwerty123456")).toMatch(/for vanlig/);
    expect(error("QWERTY123456")).toMatch(/for vanlig/);
    expect(error("1Qaz2Wsx3Edc")).toMatch(/for vanlig/);
    expect(error("Leavemealone")).toMatch(/for vanlig/);
  });

  it("refuses listed words with digits and symbols around them, in digits for letters, or repeated", () => {
    for (const pw of ["passord123456", "Passord2024!!", "Sommer2024!!", "sommer2024!#", "2024Vinteren!", "P@ssw0rd2024", "passordpassord", "Football1234", "Rosenborg1963", "Hønefoss2026!"]) {
      expect(error(pw), pw).toMatch(/for vanlig/);
    }
  });

  it("refuses runs and repeats of one character", () => {
    for (const pw of ["123456789012", "111111111111", "abcdefghijkl", "987654321098", "abcabcabcabc"]) expect(error(pw), pw).toMatch(/for vanlig/);
  });

  it("accepts long passphrases and the demo password", () => {
    for (const pw of ["korrekt hest batteri stift", "Fjellturen-i-mai-2024", "sommer i Hønefoss er fint", DEMO_PASSWORD, "benchmark-passord-123"]) {
      expect(error(pw), pw).toBeNull();
    }
    expect(isCommonPassword("korrekt hest batteri stift")).toBe(false);
  });

  it("asks for the new password twice, alike", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "gammelt", newPassword: "korrekt hest batteri", repeatPassword: "korrekt hest batteriet" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["repeatPassword", "Passordene er ikke like. Skriv det nye passordet likt begge gangene."]]);
    expect(changePasswordSchema.safeParse({ currentPassword: "", newPassword: "korrekt hest batteri", repeatPassword: "korrekt hest batteri" }).error?.issues[0]?.path).toEqual(["currentPassword"]);
  });

  it("is the same rule when an administrator sets a password", () => {
    const r = setUserPasswordSchema.safeParse({ userId: "u1", version: "3", newPassword: "qwerty123456", repeatPassword: "qwerty123456" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["newPassword"], message: expect.stringMatching(/for vanlig/) });
  });
});
