/** Reads termshift.json: parse, validate against the schema, merge with the built-in pack. */
import Ajv from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import schema from './termshift.schema.json';
import builtin from './run-to-session.json';
import { compileRules, type Ruleset } from './compile';
import type { RulesFile } from './model';
import { LineIndex } from '../positions';

export interface RulesProblem {
  message: string;
  /** 0-based position in the rules file. */
  line: number;
  character: number;
}

export type RulesResult = { ok: true; file: RulesFile } | { ok: false; problems: RulesProblem[] };

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown): ReturnType<Ajv['compile']> {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  // The schema is synchronous (no $async), so the result is a boolean and errors are set.
  void validator(data);
  return validator;
}

export function builtinRulesFile(): RulesFile {
  return builtin as RulesFile;
}

export function builtinRuleset(): Ruleset {
  return compileRules(builtinRulesFile());
}

/** Parses and validates the text of a rules file; every problem carries its position. */
export function parseRulesFile(text: string): RulesResult {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const problems = errors.map((e) => ({ message: `not valid JSON: ${printParseErrorCode(e.error)}`, ...lines.positionAt(e.offset) }));
    return { ok: false, problems: problems.length ? problems : [{ message: 'not valid JSON: empty file', line: 0, character: 0 }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Comments are tolerated by the tree parser but not by JSON.parse: strip them via the tree.
    data = undefined;
  }
  if (data === undefined) return { ok: false, problems: [{ message: 'not valid JSON (comments are not allowed)', line: 0, character: 0 }] };
  const v = validate(data);
  if (!v.errors || v.errors.length === 0) {
    return { ok: true, file: data as RulesFile };
  }
  const problems = v.errors.map((err) => {
    const segments = err.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const node = findNodeAtLocation(tree, segments);
    const where = err.instancePath || '(top level)';
    const detail = err.keyword === 'additionalProperties' ? `unknown property "${String((err.params as { additionalProperty?: string }).additionalProperty)}"` : err.message ?? 'is invalid';
    return { message: `${where}: ${detail}`, ...lines.positionAt(node?.offset ?? 0) };
  });
  return { ok: false, problems };
}

/** The rules a project runs: its own file merged over the built-in pack when it extends it. */
export function resolveRulesFile(file: RulesFile): RulesFile {
  if (file.extends !== 'builtin:run-to-session') return file;
  const base = builtinRulesFile();
  const ids = new Set(file.rules.map((r) => r.id));
  return { ...file, rules: [...base.rules.filter((r) => !ids.has(r.id)), ...file.rules] };
}
