/**
 * Loads tree-sitter (web-tree-sitter) and the grammar wasm files once. In the bundles the wasm
 * files sit beside dist/*.js; from compiled sources they are found in node_modules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

export interface Grammars {
  go: Language;
  typescript: Language;
  tsx: Language;
}

const WASM: Record<keyof Grammars | 'runtime', [string, string]> = {
  runtime: ['web-tree-sitter', 'web-tree-sitter.wasm'],
  go: ['tree-sitter-go', 'tree-sitter-go.wasm'],
  typescript: ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  tsx: ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
};

export function wasmPath(which: keyof typeof WASM): string {
  const [pkg, file] = WASM[which];
  const beside = path.join(__dirname, file);
  if (fs.existsSync(beside)) return beside;
  return require.resolve(`${pkg}/${file}`);
}

let loading: Promise<Grammars> | undefined;

export function loadGrammars(): Promise<Grammars> {
  loading ??= (async () => {
    const runtime = wasmPath('runtime');
    await Parser.init({ locateFile: () => runtime });
    const [go, typescript, tsx] = await Promise.all([
      Language.load(wasmPath('go')),
      Language.load(wasmPath('typescript')),
      Language.load(wasmPath('tsx')),
    ]);
    return { go, typescript, tsx };
  })();
  return loading;
}

export function newParser(language: Language): Parser {
  const p = new Parser();
  p.setLanguage(language);
  return p;
}
