/** Placeholder sql analyzer: word scan until the syntax-aware one lands. */
import type { Analyzer } from '../analyzer';
import { scanWords } from '../scan';

export const analyzeSql: Analyzer = (text, ctx) => scanWords(text, ctx, { context: 'sql' });
