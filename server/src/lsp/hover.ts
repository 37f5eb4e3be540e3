/** Hover on a finding: why it is flagged, what to use instead, the plan's batch, the rule's docs. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { docsOf, shownSeverity } from './diagnostics';
import { documentFindings, type CodeActionDeps } from './codeActions';

export async function hover(deps: CodeActionDeps, params: HoverParams): Promise<Hover | null> {
  const doc = deps.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const { findings, shown } = await documentFindings(deps, doc);
  const p = params.position;
  const f = findings.find((x) => shown(x) && (x.range.start.line < p.line || (x.range.start.line === p.line && x.range.start.character <= p.character)) && (x.range.end.line > p.line || (x.range.end.line === p.line && x.range.end.character >= p.character)));
  if (!f) return null;
  const settings = await deps.project.settings.get(doc.uri);
  const facts: string[] = [];
  if (f.replacement !== null) facts.push(`**Use:** \`${f.replacement}\``);
  if (f.batch) facts.push(`**Plan batch:** ${f.batch}`);
  const docs = docsOf(deps.project.engineFor(doc.uri).rules, f.ruleId);
  facts.push(docs ? `**Rule:** [${f.ruleId}](${docs})` : `**Rule:** ${f.ruleId}`);
  const value = [`**termshift** · \`${f.category}\` (${shownSeverity(f, settings) ?? f.severity})`, f.message, facts.join('  \n')].join('\n\n');
  return { range: f.range, contents: { kind: MarkupKind.Markdown, value } };
}
