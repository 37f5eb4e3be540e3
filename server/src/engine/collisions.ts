/**
 * Renames that would collide. A file that declares both `envRunID` and `envSessionID` at the top
 * level (or a type with both `GetRunId` and `GetSessionId` methods, or `RUN_ID_HEADER` next to
 * `SESSION_ID_HEADER`) keeps the old one as a fallback beside its replacement: renaming it would
 * redeclare the new name, which does not compile. The old declaration is to be deleted, so it,
 * everything inside it and its uses in the file get no automatic fix.
 */
import { topLevelDeclarations } from './goChunks';
import type { LanguageId } from './languages';
import { topLevelStatements } from './analyzers/typescript/chunks';
import type { Finding } from './types';

interface Declared {
  /** The declared name, qualified by the receiver type for a Go method (`ChatRequest.GetRunId`). */
  key: string;
  name: string;
  start: number;
  end: number;
}

const GO_FUNC = /^func\s*(?:\(\s*(?:\w+\s+)?\*?\s*(\w+)(?:\[[^\]]*\])?\s*\)\s*)?(\w+)/;
const GO_SINGLE = /^(?:const|var|type)\s+(\w+)/;
const GO_SPEC = /^[ \t]+(\w+)\b/gm;
const TS_DECL = /^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:const|let|var|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;
/** Blank lines and comments before a declaration's keyword (its doc comment may belong to its chunk). */
const LEADING = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/;
/** How such a finding's message says why it has no fix (the editor's re-check looks for it). */
export const ALREADY_DECLARED = 'is already declared here';
/** Contexts where the token is the declared name or a use of it (not a struct field or a key). */
const NAME_CONTEXTS = new Set(['identifier', 'type', 'function']);

function goDeclarations(text: string): Declared[] {
  const out: Declared[] = [];
  for (const d of topLevelDeclarations(text)) {
    if (d.kind === 'header' || d.kind === 'import') continue;
    const start = d.start + codeStart(text, d.start, d.end);
    const head = text.slice(start, Math.min(d.end, start + 400));
    if (d.kind === 'func') {
      const m = GO_FUNC.exec(head);
      if (m) out.push({ key: m[1] ? `${m[1]}.${m[2]}` : m[2], name: m[2], start, end: d.end });
      continue;
    }
    const single = GO_SINGLE.exec(head);
    if (single && !/^(?:const|var|type)\s*\(/.test(head)) {
      out.push({ key: single[1], name: single[1], start, end: d.end });
      continue;
    }
    // A const/var/type block: one name per spec line.
    const body = text.slice(d.start, d.end);
    GO_SPEC.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GO_SPEC.exec(body))) {
      const lineEnd = body.indexOf('\n', m.index);
      out.push({ key: m[1], name: m[1], start: d.start + m.index, end: d.start + (lineEnd < 0 ? body.length : lineEnd) });
    }
  }
  return out;
}

function tsDeclarations(text: string, jsx: boolean): Declared[] {
  const out: Declared[] = [];
  for (const s of topLevelStatements(text, jsx)) {
    const start = s.start + codeStart(text, s.start, s.end);
    const m = TS_DECL.exec(text.slice(start, Math.min(s.end, start + 400)));
    if (m) out.push({ key: m[1], name: m[1], start, end: s.end });
  }
  return out;
}

function declarations(text: string, language: LanguageId): Declared[] | null {
  if (language === 'go') return goDeclarations(text);
  if (language === 'typescript' || language === 'javascript') return tsDeclarations(text, false);
  if (language === 'typescriptreact' || language === 'javascriptreact') return tsDeclarations(text, true);
  return null;
}

/**
 * Marks the findings of colliding renames as needing a manual change. `text` is the analysed text
 * (no BOM); finding offsets are `bom` further on.
 */
export function withCollisions(findings: Finding[], text: string, bom: number, language: LanguageId, isLegacy: (f: Finding) => boolean): Finding[] {
  const renamed = findings.filter((f) => isLegacy(f) && f.replacement !== null && NAME_CONTEXTS.has(f.context ?? ''));
  if (renamed.length === 0) return findings;
  const decls = declarations(text, language);
  if (!decls || decls.length < 2) return findings;
  const byKey = new Map<string, Declared>();
  for (const d of decls) byKey.set(d.key, d);
  const colliding: Array<{ decl: Declared; replacement: string; useName: boolean }> = [];
  for (const f of renamed) {
    const at = f.offset - bom;
    const decl = decls.find((d) => d.name === f.text && at >= d.start && at < d.end && text.startsWith(f.text, at) && headHas(text, d, at));
    if (!decl) continue;
    const qualifier = decl.key.includes('.') ? decl.key.slice(0, decl.key.indexOf('.') + 1) : '';
    const other = byKey.get(qualifier + (f.replacement as string));
    // Methods are called through values of any type: only the method itself goes, not every call.
    if (other && other !== decl) colliding.push({ decl, replacement: f.replacement as string, useName: !qualifier });
  }
  if (colliding.length === 0) return findings;
  return findings.map((f) => {
    if (!isLegacy(f) || f.replacement === null) return f;
    const at = f.offset - bom;
    const hit = colliding.find((c) => (at >= c.decl.start && at < c.decl.end) || (c.useName && f.text === c.decl.name && NAME_CONTEXTS.has(f.context ?? '')));
    if (!hit) return f;
    return { ...f, replacement: null, message: `${f.message} (no automatic fix: \`${hit.replacement}\` ${ALREADY_DECLARED}; delete the legacy \`${hit.decl.name}\` instead of renaming it)` };
  });
}

/** Is the token the declared name itself (in the declaration's first line or a spec line), not a use inside its body? */
function headHas(text: string, d: Declared, at: number): boolean {
  const lineEnd = text.indexOf('\n', d.start);
  return at < (lineEnd < 0 ? d.end : lineEnd);
}

/** How far into [start, end) the code starts, past blank lines and comments. */
export function codeStart(text: string, start: number, end: number): number {
  return LEADING.exec(text.slice(start, Math.min(end, start + 4096)))?.[0].length ?? 0;
}
