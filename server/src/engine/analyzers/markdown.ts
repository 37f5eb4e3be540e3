/** Placeholder markdown analyzer: word scan until the syntax-aware one lands. */
import type { Analyzer } from '../analyzer';
import { scanWords } from '../scan';

export const analyzeMarkdown: Analyzer = (text, ctx) => scanWords(text, ctx, { context: 'prose' });
