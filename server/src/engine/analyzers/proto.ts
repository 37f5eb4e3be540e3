/** Placeholder proto analyzer: word scan until the syntax-aware one lands. */
import type { Analyzer } from '../analyzer';
import { scanWords } from '../scan';

export const analyzeProto: Analyzer = (text, ctx) => scanWords(text, ctx, { context: 'proto-field' });
