import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import {
  MAX_UPLOAD_BYTES,
  UPLOAD_ERRORS,
  checkUploadSize,
  cleanFileName,
  downloadHeaders,
  fileExtension,
  inspectUpload,
  safeDownloadName,
} from "@/lib/attachments/validate";

// ── Real file bytes, built here so the tests need no fixtures on disk ──

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function makePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.text("Referat fra årsmøtet");
    doc.end();
  });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid 1×1 RGBA PNG. */
function makePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const scanline = Buffer.from([0, 0x1f, 0x6f, 0xb4, 0xff]); // filter byte + one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(scanline)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A minimal but well-formed ZIP (stored entries, local headers + central directory). */
function makeZip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function makeOoxml(mainContentType: string, part: string): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/${part}" ContentType="${mainContentType}"/>` +
    "</Types>";
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part}"/>` +
    "</Relationships>";
  return makeZip([
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", rels],
    [part, "<document/>"],
  ]);
}

const makeDocx = () =>
  makeOoxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");
const makeDocm = () => makeOoxml("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml");
const makeXlsx = () =>
  makeOoxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
const makePptx = () =>
  makeOoxml("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "ppt/presentation.xml");
const makeOdt = () =>
  makeZip([
    ["mimetype", "application/vnd.oasis.opendocument.text"],
    ["content.xml", "<office:document-content/>"],
  ]);

/** An OLE2/CFB header with one directory entry name, as in legacy .doc/.xls/.ppt (and .msi). */
function makeCfb(streamName: string): Buffer {
  const buf = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3
  buf.writeUInt16LE(0xfffe, 28); // little-endian
  buf.writeUInt16LE(9, 30); // 512-byte sectors
  const entry = 1024 + 128; // second directory entry, after "Root Entry"
  Buffer.from("Root Entry", "utf16le").copy(buf, 1024);
  Buffer.from(streamName, "utf16le").copy(buf, entry);
  return buf;
}

const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>');
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("This program cannot be run in DOS mode")]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from([0x3b])]);
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.from([26, 0, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(18)]);

let pdf: Buffer;
beforeAll(async () => {
  pdf = await makePdf();
});

describe("inspectUpload", () => {
  it("accepts a real PDF and reports type, extension and SHA-256", async () => {
    const result = await inspectUpload("Saksframlegg.pdf", "application/pdf", pdf);
    expect(result).toEqual({
      ok: true,
      contentType: "application/pdf",
      extension: "pdf",
      sha256: createHash("sha256").update(pdf).digest("hex"),
    });
  });

  it.each([
    ["kart.png", makePng(), "image/png"],
    ["BILDE.PNG", makePng(), "image/png"],
    ["foto.jpg", jpeg, "image/jpeg"],
    ["foto.jpeg", jpeg, "image/jpeg"],
    ["logo.gif", gif, "image/gif"],
    ["bilde.webp", webp, "image/webp"],
    ["Notat.docx", makeDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["Budsjett.xlsx", makeXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["Presentasjon.pptx", makePptx(), "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["Referat.odt", makeOdt(), "application/vnd.oasis.opendocument.text"],
    ["Gammel.doc", makeCfb("WordDocument"), "application/msword"],
    ["Gammel.xls", makeCfb("Workbook"), "application/vnd.ms-excel"],
    ["Gammel.ppt", makeCfb("PowerPoint Document"), "application/vnd.ms-powerpoint"],
  ])("accepts %s", async (name, data, contentType) => {
    const result = await inspectUpload(name, "application/octet-stream", data);
    expect(result).toMatchObject({ ok: true, contentType });
  });

  it("refuses HTML renamed to .pdf", async () => {
    expect(await inspectUpload("faktura.pdf", "application/pdf", html)).toEqual({
      ok: false,
      error: UPLOAD_ERRORS.contentMismatch,
    });
  });

  it("refuses executables renamed to Office or PDF names", async () => {
    for (const [name, data] of [
      ["referat.docx", elf],
      ["referat.docx", exe],
      ["referat.pdf", exe],
    ] as const) {
      expect(await inspectUpload(name, "application/pdf", data)).toEqual({ ok: false, error: UPLOAD_ERRORS.contentMismatch });
    }
  });

  it("refuses content of another allowed type (PNG named .pdf, docx named .xlsx)", async () => {
    expect((await inspectUpload("dok.pdf", "application/pdf", makePng())).ok).toBe(false);
    expect((await inspectUpload("ark.xlsx", "", makeDocx())).ok).toBe(false);
  });

  it("refuses macro-enabled Office files renamed to .docx", async () => {
    expect(await inspectUpload("makro.docx", "", makeDocm())).toEqual({ ok: false, error: UPLOAD_ERRORS.contentMismatch });
  });

  it("refuses a CFB file without the expected stream (e.g. an installer renamed .doc)", async () => {
    expect((await inspectUpload("oppsett.doc", "", makeCfb("SummaryInformation"))).ok).toBe(false);
    expect((await inspectUpload("ark.xls", "", makeCfb("WordDocument"))).ok).toBe(false);
  });

  it("refuses SVG and other disallowed extensions", async () => {
    expect(await inspectUpload("logo.svg", "image/svg+xml", svg)).toEqual({ ok: false, error: UPLOAD_ERRORS.typeNotAllowed });
    expect((await inspectUpload("logo.png", "image/png", svg)).ok).toBe(false);
    expect((await inspectUpload("side.html", "text/html", html)).ok).toBe(false);
    expect((await inspectUpload("program.exe", "", exe)).ok).toBe(false);
    expect((await inspectUpload("arkiv.zip", "", makeDocx())).ok).toBe(false);
    expect((await inspectUpload("uten-endelse", "", pdf)).ok).toBe(false);
    expect((await inspectUpload("dobbel.pdf.exe", "", pdf)).ok).toBe(false);
    // A real PDF sent with an active-content type is refused too.
    expect(await inspectUpload("x.pdf", "image/svg+xml", pdf)).toEqual({ ok: false, error: UPLOAD_ERRORS.typeNotAllowed });
  });

  it("refuses an empty file", async () => {
    expect(await inspectUpload("tom.pdf", "application/pdf", new Uint8Array(0))).toEqual({
      ok: false,
      error: "Filen er tom.",
    });
  });

  it("refuses oversize files, by size alone before reading and on the bytes", async () => {
    expect(checkUploadSize(MAX_UPLOAD_BYTES)).toBeNull();
    expect(checkUploadSize(MAX_UPLOAD_BYTES + 1)).toBe("Filen er for stor (maks 25 MB).");
    expect(checkUploadSize(0)).toBe("Filen er tom.");
    // One allocation just over the limit; the size check comes before any sniffing or hashing.
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    pdf.copy(big);
    expect(await inspectUpload("stor.pdf", "application/pdf", big)).toEqual({ ok: false, error: UPLOAD_ERRORS.tooLarge });
  });
});

describe("file names", () => {
  it("takes the extension from the last segment, lower-case", () => {
    expect(fileExtension("C:\\fakepath\\Referat.PDF")).toBe("pdf");
    expect(fileExtension(".bashrc")).toBe("");
    expect(fileExtension("navn.")).toBe("");
  });

  it("cleans paths, control and bidi characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\r\nb.pdf")).toBe("ab.pdf");
    expect(cleanFileName("faktura\u202Efdp.exe")).toBe("fakturafdp.exe");
    expect(cleanFileName("   ")).toBe("vedlegg");
    const long = cleanFileName(`${"å".repeat(300)}.docx`);
    expect([...long].length).toBe(200);
    expect(long.endsWith(".docx")).toBe(true);
  });
});

describe("safeDownloadName / downloadHeaders", () => {
  it("encodes a Norwegian name with RFC 5987 and an ASCII fallback", () => {
    const value = safeDownloadName("Årsmøte – referat æøå.pdf");
    expect(value).toBe(
      `filename="Arsmote - referat aeoa.pdf"; filename*=UTF-8''${encodeURIComponent("Årsmøte – referat æøå.pdf")}`,
    );
    expect(value).toContain("filename*=UTF-8''%C3%85rsm%C3%B8te%20%E2%80%93%20referat%20%C3%A6%C3%B8%C3%A5.pdf");
    // The exact name survives a decode.
    expect(decodeURIComponent(value.split("UTF-8''")[1])).toBe("Årsmøte – referat æøå.pdf");
  });

  it("cannot break out of the header value", () => {
    const value = safeDownloadName('ond"\r\nSet-Cookie: x=1;\\ (1)*\'.pdf');
    expect(value).not.toMatch(/[\r\n]/);
    const [ascii, star] = value.split("; filename*=");
    expect(ascii).toMatch(/^filename="[^"\\]*"$/);
    expect(star).toMatch(/^UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it("returns download-only headers", () => {
    const headers = downloadHeaders({ fileName: "Årsmøte – referat æøå.pdf", contentType: "application/pdf", sizeBytes: 1234 });
    expect(headers).toEqual({
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; ${safeDownloadName("Årsmøte – referat æøå.pdf")}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Length": "1234",
    });
    // Every header value must be a valid ByteString for fetch's Headers.
    expect(() => new Headers(headers)).not.toThrow();
  });

  it("never serves a stored type outside the allow-list", () => {
    expect(downloadHeaders({ fileName: "x.html", contentType: "text/html" })["Content-Type"]).toBe("application/octet-stream");
  });
});
