// Bundles the client, the server and the CLI into dist/, and copies the tree-sitter wasm files
// beside them (the bundles load grammars from their own folder; see server/src/engine/parsers.ts).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  // The ESM build of web-tree-sitter reads import.meta.url, which a CJS bundle does not have.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter').replace(/\.js$/, '.cjs') },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts' } },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'scan-worker': 'server/src/cli/scanWorker.ts' } },
];

fs.mkdirSync('dist', { recursive: true });
for (const spec of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-go/tree-sitter-go.wasm', 'tree-sitter-typescript/tree-sitter-typescript.wasm', 'tree-sitter-typescript/tree-sitter-tsx.wasm']) {
  fs.copyFileSync(require.resolve(spec), path.join('dist', path.basename(spec)));
}
// The rules-file schema, for package.json contributes.jsonValidation (packaged via .vscodeignore's schemas/*.json).
fs.mkdirSync('schemas', { recursive: true });
fs.copyFileSync('server/src/engine/rules/termshift.schema.json', 'schemas/termshift.schema.json');

const contexts = await Promise.all(builds.filter((b) => fs.existsSync(Object.values(b.entryPoints)[0])).map((b) => esbuild.context({ ...common, ...b, outdir: 'dist' })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
}
