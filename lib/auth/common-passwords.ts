import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// The lists ship with the app (lib/auth/common-passwords.LICENSE.txt says where they come from) and
// are read once, from the app's root like the migrations, so no user's password is sent anywhere.
const LIST_FILES = ["common-passwords.txt", "common-passwords-nb.txt"];

let cached: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  if (cached) return cached;
  const set = new Set<string>();
  for (const file of LIST_FILES) {
    const text = readFileSync(path.join(process.cwd(), "lib", "auth", file), "utf8");
    for (const line of text.split("\n")) {
      const entry = line.trim().toLowerCase();
      if (entry && !entry.startsWith("#")) set.add(entry);
    }
  }
  cached = set;
  return set;
}

// Digits, punctuation, symbols and spaces at either end: "Sommer2024!" is still "sommer".
const EDGES = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/** "abcabcabc" → "abc"; null when the text is not one unit repeated. */
function repeatedUnit(s: string): string | null {
  const chars = [...s];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size) continue;
    const unit = chars.slice(0, size).join("");
    if (unit.repeat(chars.length / size) === s) return unit;
  }
  return null;
}

/** "111111111111", "123456789012", "abcdefghijkl", "987654321098": one step, again and again. */
function isRun(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  if (codes.length < 2) return true;
  const digit = (c: number) => c >= 48 && c <= 57;
  const step = (a: number, b: number) => (digit(a) && digit(b) ? (((b - a) % 10) + 10) % 10 : b - a);
  const first = step(codes[0], codes[1]);
  if (![0, 1, -1, 9].includes(first)) return false;
  return codes.every((c, i) => i === 0 || step(codes[i - 1], c) === first);
}

/**
 * True for a password on the shipped lists (compared without regard to case), or a listed password
 * with only digits and symbols added before or after it, written with digits for letters
 * ("p@ssw0rd"), or repeated ("passordpassord"); and for runs like "123456789012".
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower) || isRun(lower)) return true;
  const core = lower.replace(EDGES, "");
  const candidates = [core, core.replace(/[013457@$]/g, (c) => LEET[c] ?? c)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (list.has(candidate)) return true;
    const unit = repeatedUnit(candidate);
    if (unit && (list.has(unit) || [...unit].length <= 4)) return true;
  }
  return false;
}
