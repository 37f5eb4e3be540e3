/** Placeholder TypeScript analyzer: word scan until the syntax-aware one lands. */
import type { Language } from 'web-tree-sitter';
import type { Analyzer } from '../analyzer';
import { scanWords } from '../scan';

export function createTypeScriptAnalyzer(_language: Language): Analyzer {
  return (text, ctx) => scanWords(text, ctx, { context: 'code' });
}
