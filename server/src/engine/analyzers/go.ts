/** Placeholder Go analyzer. */
import type { Language } from 'web-tree-sitter';
import type { Analyzer } from '../analyzer';
import { scanWords } from '../scan';

export function createGoAnalyzer(_language: Language): Analyzer {
  return (text, ctx) => scanWords(text, ctx, { context: 'identifier' });
}
