/**
 * `check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. One reporting descriptor
 * per rule and category (run-to-session/LEGACY_SESSION_ALIAS …), so code scanning can group and
 * dismiss them separately; columns are UTF-16 code units like the engine's positions.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Ruleset, Severity } from '../engine';
import type { CheckRun } from './checkFiles';
import { toolVersion } from './version';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const CATEGORY_TEXT: Record<string, string> = {
  LEGACY_SESSION_ALIAS: 'Legacy alias of the preferred term: rename it.',
  PLANNING_RUN: 'The planning domain’s own run: correct as it is.',
  PROCESS_VERB: 'A process verb (“run”): correct as it is.',
  MIGRATION_REFERENCE: 'Names the old name in a migration reference: correct as it is.',
  PACKAGE_PATH: 'Part of a package path: correct as it is.',
  MIXED_CONTRACT: 'A contract (struct, message, type, JSON object) carries both the legacy and the preferred member.',
};

export interface SarifOptions {
  rules: Ruleset;
  /** The folder results are relative to (%SRCROOT%): the cwd. */
  cwd: string;
  shown: (f: Finding) => boolean;
  /** A stable fingerprint per finding (the baseline key), when known. */
  fingerprint?: (abs: string, f: Finding) => string | undefined;
}

function descriptorId(f: Finding): string {
  return `${f.ruleId}/${f.category}`;
}

/** A relative path as a URI reference: each segment percent-encoded, forward slashes kept. */
export function relativeUri(display: string): string {
  return display.split('/').map(encodeURIComponent).join('/');
}

function region(f: Finding): object {
  return {
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

export function sarifLog(run: CheckRun, opts: SarifOptions): object {
  const descriptors: object[] = [];
  const index = new Map<string, number>();
  const ruleSpec = (id: string) => opts.rules.rules.find((r) => r.id === id)?.spec;
  const results: object[] = [];
  for (const r of run.results) {
    const outside = r.display.startsWith('../') || path.isAbsolute(r.display);
    const artifactLocation = outside ? { uri: pathToFileURL(r.abs).href } : { uri: relativeUri(r.display), uriBaseId: SRCROOT };
    for (const f of r.findings) {
      if (!opts.shown(f)) continue;
      const id = descriptorId(f);
      let ruleIndex = index.get(id);
      if (ruleIndex === undefined) {
        const spec = ruleSpec(f.ruleId);
        ruleIndex = descriptors.length;
        index.set(id, ruleIndex);
        descriptors.push({
          id,
          name: f.category.toLowerCase().replace(/_(.)/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
          shortDescription: { text: CATEGORY_TEXT[f.category] ?? f.category },
          fullDescription: { text: spec?.description ?? CATEGORY_TEXT[f.category] ?? f.category },
          ...(spec?.docs ? { helpUri: spec.docs, help: { text: `See ${spec.docs}` } } : {}),
          defaultConfiguration: { level: LEVEL[f.severity] },
          properties: { category: f.category, tags: ['terminology', f.ruleId] },
        });
      }
      const fp = opts.fingerprint?.(r.abs, f);
      results.push({
        ruleId: id,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
        ...(fp ? { partialFingerprints: { 'termshift/v1': fp } } : {}),
        ...(f.replacement !== null && f.replacement !== f.text
          ? {
              fixes: [
                {
                  description: { text: `Replace \`${f.text}\` with \`${f.replacement}\`` },
                  artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(f), insertedContent: { text: f.replacement } }] }],
                },
              ],
            }
          : {}),
        properties: { category: f.category, context: f.context, severity: f.severity, ...(f.batch ? { batch: f.batch } : {}) },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'termshift', version: toolVersion(), informationUri: 'https://github.com/termshift/termshift', rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
