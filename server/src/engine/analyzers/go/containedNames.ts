/**
 * Names made from another name: `qDeleteRun` (the query DeleteRun runs), `TestDeleteRun` (its
 * test), `deleteRunStmt`. Where the name they contain holds or takes the session, so do they; a
 * rename of `DeleteRun` to `DeleteSession` that left them behind would read as two operations.
 */
import { lowerWords } from '../../words';

/** How many words around the bare word a contained name may reach. */
const REACH = 3;

/**
 * The facts (any one of them) that make a name containing the bare word at a word boundary hold
 * the session: each contained name with at least one word besides the bare word, as Go would spell
 * it exported or not (`DeleteRun`, `deleteRun`), holding, taking or keyed by the session.
 */
export function containedNameFacts(token: string, isBare: (word: string) => boolean): string[] {
  const words = lowerWords(token);
  const facts = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (!isBare(words[i])) continue;
    for (let from = Math.max(0, i - REACH); from <= i; from++) {
      for (let to = i; to < Math.min(words.length, i + REACH + 1); to++) {
        if (from === to) continue;
        const pascal = words.slice(from, to + 1).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
        facts.add(`field:?.${pascal}:*`);
        facts.add(`field:?.${pascal[0].toLowerCase()}${pascal.slice(1)}:*`);
      }
    }
  }
  return [...facts];
}
