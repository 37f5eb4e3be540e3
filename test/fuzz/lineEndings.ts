/**
 * One document per language with a BOM, CRLF, a lone CR, LF, tabs and astral characters (😀 is two
 * UTF-16 code units) before a legacy token, and where that token must be reported.
 */
import type { FuzzLanguage } from './generators';

export interface Tricky {
  lang: FuzzLanguage;
  path: string;
  text: string;
  token: string;
  replacement: string;
}

export const TRICKY: Tricky[] = [
  { lang: 'go', path: 'pkg/a/a.go', text: '\uFEFFpackage a\r\n\r\n// tab\tand 😀\r\nvar s = "😀\t😀"; var RunID = 1\nvar t = 2\r\n', token: 'RunID', replacement: 'SessionID' },
  { lang: 'sql', path: 'db/a.sql', text: '\uFEFF-- 😀\r\nCREATE TABLE turns (\r\n\tnote TEXT, -- 😀\n\t"😀" TEXT,\r\trun_id TEXT\r\n);\r\n', token: 'run_id', replacement: 'session_id' },
  { lang: 'markdown', path: 'docs/a.md', text: '\uFEFF# Turns 😀\r\n\r\nA\tline 😀\rThe 😀 query parameter `run_id` selects the turns.\n', token: 'run_id', replacement: 'session_id' },
  { lang: 'proto', path: 'proto/a.proto', text: '\uFEFFsyntax = "proto3";\r\n// 😀\r\nmessage Turn {\r\n\tstring note = 1; // 😀\n\tstring run_id = 2;\r}\r\n', token: 'run_id', replacement: 'session_id' },
  { lang: 'typescript', path: 'web/a.ts', text: '\uFEFF// 😀\r\nconst x = 1;\rconst turn = { note: "😀\t😀", run_id: 1 };\r\n', token: 'run_id', replacement: 'session_id' },
  { lang: 'tsx', path: 'web/a.tsx', text: '\uFEFF// 😀\r\nconst x = 1;\rexport const A = () => <div title="😀">{turn.runId}</div>;\n', token: 'runId', replacement: 'sessionId' },
  { lang: 'text', path: 'notes/a.txt', text: '\uFEFF😀\r\nnote\t😀\rthe 😀 RunID\n', token: 'RunID', replacement: 'SessionID' },
];

/** Where `token` starts, counted the LSP way: lines end at CRLF, CR or LF; characters are UTF-16 units; the BOM is not part of the text. */
export function expectedPosition(text: string, token: string): { line: number; character: number; offset: number } {
  const offset = text.indexOf(token);
  const body = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, offset);
  const lines = body.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length, offset };
}
