/**
 * Reading the bare word in a sentence (documentation prose, a code comment): is it a counted noun
 * ("the run", "per run", "a new run"), the way a text names one session by the legacy word?
 */
import type { AnalyzerContext } from './analyzer';
import type { Candidate } from './types';

const NEXT_WORD = /^[\s`*_"]*([A-Za-z']+)/;
/** A determiner, maybe with an adjective or two, right before the word: "the run", "a new run", "per run", "by run", "the turn's run", "unknown run". */
const NOUN_BEFORE = /(?:(?:\b(?:the|a|an|each|every|per|by|that|this|its|their|one|same)|\b[A-Za-z]+'s)\s+(?:(?:same|new|current|existing|active|previous|stuck|whole|given|live|next|single|original|fresh|last|unknown)\s+){0,2}|\b(?:unknown|missing|nonexistent)\s+)$/i;
/** Determiners of one thing: the plural after them is a verb ("this runs"). */
const SINGULAR_BEFORE = /\b(?:a|an|each|every|per|that|this|one)\s+$/i;
/** Words after which the bare word modifies another noun ("the run command", "a run of tests"). */
const NOUN_HEADS = new Set(['command', 'subcommand', 'loop', 'button', 'script', 'step', 'target', 'of', 'config', 'configuration', 'mode', 'cycle', 'function', 'method', 'time', 'queue', 'phase', 'context']);
/** A process's own time and outcome: "after the run", "timeout for the run", "the run fails", "the run already finished". */
const PROCESS_BEFORE = /\b(?:after|before|during|until|middle\s+of|(?:timeout|deadline|duration|budget)\s+(?:for|of))\s+(?:\w+\s+){0,2}$/i;
const PROCESS_AFTER = /^\s*(?:(?:already|then|still|never|has|had|is|was)\s+)?(?:finish|fail|complete|succeed|exit|time|crash|abort|stop|ran|running|start|end|take|took)/i;

/**
 * Is the bare word at [start, end) of text a noun naming one thing ("the run", "per run", "a new
 * run"), not a process in time ("after the run", "the run fails")?
 */
export function isCountedNoun(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (!NOUN_BEFORE.test(before) || PROCESS_BEFORE.test(before)) return false;
  // "this runs inside RunLoop()", "a test that runs for 4 s": one of a thing, then a verb's -s.
  if (/s$/i.test(text.slice(start, end)) && SINGULAR_BEFORE.test(before)) return false;
  const after = text.slice(end, end + 40);
  const next = NEXT_WORD.exec(after)?.[1]?.toLowerCase().replace(/'s$/, '');
  return (!next || !NOUN_HEADS.has(next)) && !PROCESS_AFTER.test(after);
}

/**
 * Is the candidate the bare word alone ("run", "Runs", "RUN", not `RunInference`), with no domain
 * and no migration wording, used as a counted noun in `sentence` (where it starts at `at`)?
 */
export function isBareNoun(ctx: AnalyzerContext, text: string, c: Candidate, sentence: string, at: number): boolean {
  const token = text.slice(c.start, c.end);
  if (c.domain || c.migration) return false;
  // "per-run subscribers": one per session, whatever follows.
  const per = /^per-([a-z]+)$/i.exec(token);
  if (per) return ctx.match(per[1])?.kind === 'bare';
  if (!/^(?:[A-Z]?[a-z]+|[A-Z]+)$/.test(token) || ctx.match(token)?.kind !== 'bare') return false;
  // "in run runID", "for run `run_id`": the word, then the id that names it.
  const named = /^\s+`?([A-Za-z_]\w*)/.exec(sentence.slice(at + token.length, at + token.length + 40))?.[1];
  return (named !== undefined && ctx.match(named)?.kind === 'term') || isCountedNoun(sentence, at, at + token.length);
}

/**
 * The counted nouns of a scope (a doc section, a Go declaration, an SQL statement) are the session
 * where the scope names the session by the legacy term (`run_id`, `RunID`, "run ID"), or its syntax
 * shows it keyed by the session otherwise (`namedOtherwise`), and no other run (no token in a
 * domain). A scope that only says "the run" proves nothing.
 */
export function markSessionNouns(ctx: AnalyzerContext, text: string, nouns: Candidate[], scope: Candidate[], because: string, namedOtherwise = false): void {
  if (nouns.length === 0 || scope.some((c) => c.domain)) return;
  // A name shown to hold the session (PurgeRunTurns taking a session id) names it as well as run_id does.
  const named = namedOtherwise || scope.some((c) => !c.migration && !c.verb && !c.packagePath && (c.denotesSession && !c.requires && !nouns.includes(c) ? true : (ctx.match(text.slice(c.start, c.end))?.kind ?? 'bare') !== 'bare'));
  if (!named) return;
  for (const c of nouns) {
    c.denotesSession = true;
    c.because = because;
  }
}
