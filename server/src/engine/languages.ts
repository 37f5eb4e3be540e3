/** Language ids by file extension, and the names fenced code blocks use for them. */
import * as path from 'node:path';

export type LanguageId = 'go' | 'sql' | 'markdown' | 'proto' | 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact' | 'text';

const BY_EXTENSION: Record<string, LanguageId> = {
  '.go': 'go',
  '.sql': 'sql',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.proto': 'proto',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
};

const BY_NAME: Record<string, LanguageId> = {
  go: 'go',
  golang: 'go',
  sql: 'sql',
  sqlite: 'sql',
  postgresql: 'sql',
  postgres: 'sql',
  mysql: 'sql',
  plsql: 'sql',
  md: 'markdown',
  markdown: 'markdown',
  proto: 'proto',
  protobuf: 'proto',
  proto3: 'proto',
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescriptreact',
  typescriptreact: 'typescriptreact',
  js: 'javascript',
  javascript: 'javascript',
  jsx: 'javascriptreact',
  javascriptreact: 'javascriptreact',
};

export function languageOfPath(file: string): LanguageId {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'text';
}

/** A VS Code language id or a fenced block's info string → our language. */
export function languageOfName(name: string | undefined | null): LanguageId {
  if (!name) return 'text';
  return BY_NAME[name.trim().split(/[\s{,]/)[0].toLowerCase()] ?? 'text';
}
