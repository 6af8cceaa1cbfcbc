// Upload rules for vedlegg. Pure (no Node-only APIs), so the same rules can pre-check a file in the
// browser and decide on the server. Neither the file name nor the browser's declared type is trusted:
// the bytes must sniff as an allowed type that agrees with the extension.
import { fileTypeFromBuffer } from "file-type";

export const MAX_UPLOAD_MB = 25;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export const UPLOAD_ERRORS = {
  empty: "Filen er tom.",
  tooLarge: `Filen er for stor (maks ${MAX_UPLOAD_MB} MB).`,
  typeNotAllowed: "Filtypen er ikke tillatt. Last opp PDF, Office-dokumenter eller bilder.",
  contentMismatch: "Filinnholdet stemmer ikke med filtypen.",
} as const;

type AllowedType = {
  contentType: string;
  sniffed: readonly string[]; // what file-type must report for the bytes
  // Legacy Office files all sniff as "cfb" (OLE2), as do .msi installers; the stream name tells them apart.
  cfbStreams?: readonly string[];
};

const WORD_STREAMS = ["WordDocument"];
const EXCEL_STREAMS = ["Workbook", "Book"];
const POWERPOINT_STREAMS = ["PowerPoint Document"];

// Macro-enabled variants (docm, xlsm, pptm) sniff differently and are therefore refused, on purpose.
const ALLOWED: Readonly<Record<string, AllowedType>> = {
  pdf: { contentType: "application/pdf", sniffed: ["pdf"] },
  doc: { contentType: "application/msword", sniffed: ["cfb"], cfbStreams: WORD_STREAMS },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    sniffed: ["docx"],
  },
  xls: { contentType: "application/vnd.ms-excel", sniffed: ["cfb"], cfbStreams: EXCEL_STREAMS },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sniffed: ["xlsx"] },
  ppt: { contentType: "application/vnd.ms-powerpoint", sniffed: ["cfb"], cfbStreams: POWERPOINT_STREAMS },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    sniffed: ["pptx"],
  },
  odt: { contentType: "application/vnd.oasis.opendocument.text", sniffed: ["odt"] },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", sniffed: ["ods"] },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", sniffed: ["odp"] },
  png: { contentType: "image/png", sniffed: ["png", "apng"] },
  jpg: { contentType: "image/jpeg", sniffed: ["jpg"] },
  jpeg: { contentType: "image/jpeg", sniffed: ["jpg"] },
  gif: { contentType: "image/gif", sniffed: ["gif"] },
  webp: { contentType: "image/webp", sniffed: ["webp"] },
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.keys(ALLOWED);
export const ALLOWED_CONTENT_TYPES: ReadonlySet<string> = new Set(Object.values(ALLOWED).map((t) => t.contentType));

/** For <input type="file" accept="…">: a hint to the browser, not a check. */
export const UPLOAD_ACCEPT = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",");

// Declared types that are refused outright, whatever the name says: active content in a browser.
const DANGEROUS_DECLARED = /^(?:image\/svg\+xml|text\/html|application\/xhtml\+xml|(?:text|application)\/(?:x-)?javascript|application\/x-msdownload|application\/x-sh)\b/i;

export type UploadCheck =
  | { ok: true; contentType: string; extension: string; sha256: string }
  | { ok: false; error: string };

/** The part of the name after the last dot, lower-case; "" when there is none. */
export function fileExtension(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf(".");
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : "";
}

function baseName(fileName: string): string {
  // Old browsers send "C:\fakepath\name.pdf"; only the last segment is the file's name.
  return fileName.split(/[\\/]/).pop() ?? "";
}

/** Size-only check, for rejecting a too-large upload before its body is read into memory. */
export function checkUploadSize(sizeBytes: number): string | null {
  if (sizeBytes <= 0) return UPLOAD_ERRORS.empty;
  if (sizeBytes > MAX_UPLOAD_BYTES) return UPLOAD_ERRORS.tooLarge;
  return null;
}

/** Extension-only check, for the browser to answer before uploading. */
export function isAllowedFileName(fileName: string): boolean {
  return Object.hasOwn(ALLOWED, fileExtension(fileName));
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

// CFB directory entries store stream names as UTF-16LE; finding the name is enough to tell a Word
// file from, say, an .msi installer renamed to .doc.
function cfbHasStream(data: Uint8Array, names: readonly string[]): boolean {
  return names.some((name) => indexOfBytes(data, utf16le(name)) !== -1);
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  // Web Crypto instead of node:crypto keeps this module usable in the browser too.
  const digest = await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function inspectUpload(fileName: string, declaredType: string, data: Uint8Array): Promise<UploadCheck> {
  const sizeError = checkUploadSize(data.byteLength);
  if (sizeError) return { ok: false, error: sizeError };

  const extension = fileExtension(fileName);
  const allowed = Object.hasOwn(ALLOWED, extension) ? ALLOWED[extension] : undefined;
  if (!allowed || DANGEROUS_DECLARED.test(declaredType.trim())) return { ok: false, error: UPLOAD_ERRORS.typeNotAllowed };

  // Text formats (HTML, SVG, scripts) sniff as nothing or as xml, so they fail here as well.
  const sniffed = await fileTypeFromBuffer(data);
  if (!sniffed || !allowed.sniffed.includes(sniffed.ext)) return { ok: false, error: UPLOAD_ERRORS.contentMismatch };
  if (allowed.cfbStreams && !cfbHasStream(data, allowed.cfbStreams)) {
    return { ok: false, error: UPLOAD_ERRORS.contentMismatch };
  }

  return { ok: true, contentType: allowed.contentType, extension, sha256: await sha256Hex(data) };
}

/**
 * A file name fit to store and show: no path, no control characters, NFC, at most 200 characters
 * with the extension kept.
 */
export function cleanFileName(fileName: string): string {
  const cleaned = baseName(fileName)
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned || cleaned === "." || cleaned === "..") return "vedlegg";
  const chars = [...cleaned];
  if (chars.length <= 200) return cleaned;
  const ext = fileExtension(cleaned);
  const keep = ext ? 200 - ext.length - 1 : 200;
  return ext ? `${chars.slice(0, keep).join("").trimEnd()}.${ext}` : chars.slice(0, 200).join("");
}

const ASCII_FOLD: Record<string, string> = {
  æ: "ae", Æ: "Ae", ø: "o", Ø: "O", å: "a", Å: "A", ß: "ss", đ: "d", Đ: "D", ŋ: "n", Ŋ: "N", ŧ: "t", Ŧ: "T",
  "–": "-", "—": "-", "«": '"', "»": '"', "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
};

function asciiFallback(name: string): string {
  const folded = [...name.normalize("NFC")]
    .map((ch) => ASCII_FOLD[ch] ?? ch.normalize("NFKD").replace(/\p{M}/gu, ""))
    .join("")
    // Quotes and backslashes would end or escape the quoted-string; anything else non-ASCII becomes "_".
    .replace(/["\\]/g, "'")
    .replace(/[^\x20-\x7e]/g, "_");
  return folded.trim() || "vedlegg";
}

// RFC 5987 attr-char leaves only ALPHA DIGIT !#$&+-.^_`|~ unencoded; encodeURIComponent also
// leaves ' ( ) * alone, which would end or break the parameter.
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The file-name parameters for Content-Disposition: an ASCII `filename` for old clients and the
 * exact UTF-8 name in `filename*` (RFC 6266/5987), e.g. for "Årsmøte – referat æøå.pdf".
 */
export function safeDownloadName(fileName: string): string {
  const name = cleanFileName(fileName);
  return `filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}

export type DownloadableAttachment = { fileName: string; contentType: string; sizeBytes?: number | null };

/** Headers for serving a stored attachment: always a download, never rendered or sniffed by the browser. */
export function downloadHeaders(att: DownloadableAttachment): Record<string, string> {
  const headers: Record<string, string> = {
    // Stored types come from inspectUpload, but a row written by other means must not become text/html.
    "Content-Type": ALLOWED_CONTENT_TYPES.has(att.contentType) ? att.contentType : "application/octet-stream",
    "Content-Disposition": `attachment; ${safeDownloadName(att.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  if (typeof att.sizeBytes === "number" && att.sizeBytes >= 0) headers["Content-Length"] = String(att.sizeBytes);
  return headers;
}
