import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action that changes data leaves an audit event. This test reads the source: each
// exported function of a "use server" file under lib/ must reach writeAudit, in its own body or
// through the functions it calls (local helpers, imported domain functions, `await import(...)`),
// or stand on the list below with the reason it need not.

const ROOT = path.resolve(import.meta.dirname, "../..");

const EXCEPTIONS: Record<string, string> = {
  // next-auth calls Credentials.authorize → authenticateCredentials, which audits success, failure
  // and block (lib/server/credentials.ts); the call goes through the library, so no static path.
  "lib/auth/actions.ts#loginAction": "audited by authenticateCredentials, called by next-auth",
  // Only redirects to the identity provider; the sign-in is audited in the signIn callback of lib/server/auth.ts.
  "lib/auth/actions.ts#signInWithProviderAction": "audited in the signIn callback of lib/server/auth.ts",
};

function actionFiles(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === "generated") continue;
    for (const f of readdirSync(path.join(ROOT, "lib", dir.name))) {
      if (!f.endsWith(".ts") || f.endsWith(".test.ts")) continue;
      const rel = `lib/${dir.name}/${f}`;
      if (/^\s*["']use server["']/.test(readFileSync(path.join(ROOT, rel), "utf8"))) files.push(rel);
    }
  }
  return files.sort();
}

type FnNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;
type Module = { sf: ts.SourceFile; functions: Map<string, FnNode>; imports: Map<string, { from: string; name: string }> };

const modules = new Map<string, Module | null>();

function resolve(spec: string, fromFile: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.join(path.dirname(path.join(ROOT, fromFile)), spec) : null;
  if (!base) return null; // a package: not ours to follow
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate)) return path.relative(ROOT, candidate);
  }
  return null;
}

function load(file: string): Module | null {
  if (modules.has(file)) return modules.get(file)!;
  const full = path.join(ROOT, file);
  if (!existsSync(full)) return modules.set(file, null), null;
  const sf = ts.createSourceFile(file, readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true);
  const functions = new Map<string, FnNode>();
  const imports = new Map<string, { from: string; name: string }>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) functions.set(st.name.text, st);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) functions.set(d.name.text, d.initializer);
      }
    }
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      const from = resolve(st.moduleSpecifier.text, file);
      if (!from) continue;
      for (const el of st.importClause.namedBindings.elements) imports.set(el.name.text, { from, name: (el.propertyName ?? el.name).text });
    }
  }
  const m = { sf, functions, imports };
  modules.set(file, m);
  return m;
}

/** `const { sendNotice } = await import("@/lib/meetings/send-notice")` inside a function body. */
function dynamicImports(node: ts.Node, file: string): Map<string, { from: string; name: string }> {
  const found = new Map<string, { from: string; name: string }>();
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer) {
      const init = ts.isAwaitExpression(n.initializer) ? n.initializer.expression : n.initializer;
      if (ts.isCallExpression(init) && init.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(init.arguments[0])) {
        const from = resolve(init.arguments[0].text, file);
        if (from) {
          for (const el of n.name.elements) {
            if (ts.isIdentifier(el.name)) found.set(el.name.text, { from, name: el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text });
          }
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The path of calls from `name` in `file` to writeAudit, or null. */
function auditPath(file: string, name: string, seen = new Set<string>()): string[] | null {
  const key = `${file}#${name}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const mod = load(file);
  const fn = mod?.functions.get(name);
  if (!mod || !fn) {
    const reexport = mod?.imports.get(name);
    return reexport ? auditPath(reexport.from, reexport.name, seen) : null;
  }
  const local = dynamicImports(fn, file);
  const callees: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) callees.push(n.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(fn);
  if (callees.includes("writeAudit")) return [key];
  for (const callee of new Set(callees)) {
    const target = local.get(callee) ?? mod.imports.get(callee) ?? (mod.functions.has(callee) ? { from: file, name: callee } : null);
    if (!target) continue;
    const rest = auditPath(target.from, target.name, seen);
    if (rest) return [key, ...rest];
  }
  return null;
}

function exportedFunctions(file: string): string[] {
  const mod = load(file)!;
  const names: string[] = [];
  for (const st of mod.sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isFunctionDeclaration(st) && st.name) names.push(st.name.text);
  }
  return names;
}

describe("audit coverage of server actions", () => {
  const files = actionFiles();
  const actions = files.flatMap((f) => exportedFunctions(f).map((name) => ({ file: f, name, key: `${f}#${name}` })));

  it("finds the action files and their actions", () => {
    expect(files).toEqual(expect.arrayContaining(["lib/auth/actions.ts", "lib/meetings/actions.ts", "lib/meetings/absence-actions.ts", "lib/users/actions.ts"]));
    expect(actions.length).toBeGreaterThan(50);
  });

  it("has every action reach writeAudit, or a reason on the exception list", () => {
    const missing = actions.filter((a) => !EXCEPTIONS[a.key] && !auditPath(a.file, a.name)).map((a) => a.key);
    expect(missing, "actions that change data without writing an audit event").toEqual([]);
  });

  it("follows helpers and domain functions (the test itself works)", () => {
    expect(auditPath("lib/meetings/actions.ts", "moveAgendaItemAction")).toEqual(["lib/meetings/actions.ts#moveAgendaItemAction", "lib/meetings/actions.ts#runItemCommand"]);
    expect(auditPath("lib/meetings/actions.ts", "sendNoticeAction")?.at(-1)).toBe("lib/meetings/send-notice.ts#sendNotice");
    expect(auditPath("lib/meetings/absence-actions.ts", "respondToInvitationAction")?.at(-1)).toBe("lib/meetings/absence.ts#respondToInvitation");
    expect(auditPath("lib/auth/actions.ts", "changePasswordAction")?.at(-1)).toBe("lib/server/credentials.ts#changeOwnPassword");
  });

  it("keeps the exception list to actions that exist and that really do not reach writeAudit", () => {
    for (const key of Object.keys(EXCEPTIONS)) {
      const [file, name] = key.split("#");
      expect(actions.map((a) => a.key), key).toContain(key);
      expect(auditPath(file, name), `${key} writes an audit event now: remove it from the exceptions`).toBeNull();
    }
  });
});
