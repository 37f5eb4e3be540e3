/**
 * Finds a rule's legacy word sequences inside one token (an identifier or a word in a string) and
 * builds the case-preserving replacement: RunID→SessionID, runId→sessionId, RUN_ID→SESSION_ID.
 */
import { applyStyle, splitWords, styleOf, type Word, type WordStyle } from './words';

export type MatchKind = 'removal' | 'rename' | 'term' | 'bare';

export interface WordSequence {
  kind: MatchKind;
  from: string[];
  /** A rename's or removal's symbol as the rules write it (`turns_by_run`). */
  name?: string;
  /** Replacement words; null for a removal. */
  to: string[] | null;
  batch?: string;
  note?: string;
  use?: string;
}

export interface MatchPart {
  seq: WordSequence;
  /** Offsets inside the token. */
  start: number;
  end: number;
  replacement: string | null;
}

export interface TokenMatch {
  kind: MatchKind;
  parts: MatchPart[];
  /** The whole token with every matched part replaced; null when a part has no safe fix. */
  replacement: string | null;
}

const KIND_ORDER: Record<MatchKind, number> = { removal: 0, rename: 1, term: 2, bare: 3 };

/** Words after which a bare head word is a verb: "nothing to run", "can run", "should run". */
export const MODAL_BEFORE: ReadonlySet<string> = new Set(['to', 'can', 'cannot', 'will', 'should', 'must', 'may', 'might', 'would', 'could', 'dont', 'never']);

export function orderSequences(seqs: WordSequence[]): WordSequence[] {
  return [...seqs].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.from.length - a.from.length);
}

interface Hit {
  count: number;
  plural: string;
  joined: boolean;
}

function matchAt(words: Word[], i: number, from: string[]): Hit | null {
  const w = words[i];
  // Written as one word: "runid", "RUNID", "runids".
  const joined = from.join('');
  if (from.length > 1 && (w.lower === joined || w.lower === joined + 's')) {
    return { count: 1, plural: w.lower === joined ? '' : w.text.slice(-1), joined: true };
  }
  if (i + from.length > words.length) return null;
  for (let k = 0; k < from.length; k++) {
    const lw = words[i + k].lower;
    if (lw === from[k]) continue;
    if (k === from.length - 1 && lw === from[k] + 's') {
      return { count: from.length, plural: words[i + k].text.slice(-1), joined: false };
    }
    return null;
  }
  return { count: from.length, plural: '', joined: false };
}

function styleFor(word: Word): WordStyle {
  const s = styleOf(word.text);
  return s === 'mixed' ? 'title' : s;
}

function separatorGuess(token: string): string {
  if (token.includes('_')) return '_';
  if (token.includes('-')) return '-';
  return '';
}

function buildReplacement(token: string, words: Word[], i: number, hit: Hit, to: string[]): string {
  const matched = words.slice(i, i + hit.count);
  if (hit.joined) {
    const style = styleFor(matched[0]);
    return applyStyle(to.join(''), style) + hit.plural;
  }
  const styles = matched.map(styleFor);
  const sep = matched.length > 1 ? token.slice(matched[0].end, matched[1].start) : separatorGuess(token);
  const out: string[] = [];
  // sessionRunID → sessionID, not sessionSessionID: the name already says "session".
  const first = i > 0 && words[i - 1].lower === to[0] && to.length > 1 && to.length === matched.length ? 1 : 0;
  for (let k = first; k < to.length; k++) {
    let style = styles[Math.min(k, styles.length - 1)];
    // camelCase joins words without a separator: every word after the first is capitalised.
    if (sep === '' && k > 0 && style === 'lower') style = 'title';
    out.push(applyStyle(to[k], style));
  }
  if (hit.plural) out[out.length - 1] += hit.plural;
  return out.join(sep);
}

/** Do the words hold a term's replacement (session id), as a fix of that term would leave them? */
function namesRenamedTerm(words: Word[], seqs: WordSequence[]): boolean {
  for (const seq of seqs) {
    if (seq.kind === 'bare' || !seq.to || seq.to.length < 2) continue;
    for (let i = 0; i < words.length; i++) if (matchAt(words, i, seq.to)) return true;
  }
  return false;
}

export function matchToken(token: string, seqs: WordSequence[]): TokenMatch | null {
  const words = splitWords(token);
  if (words.length === 0) return null;
  let parts: MatchPart[] = [];
  let i = 0;
  while (i < words.length) {
    let advanced = false;
    for (const seq of seqs) {
      // ErrNothingToRun, canRun: after "to" or a modal the bare word is a verb, never a noun.
      if (seq.kind === 'bare' && i > 0 && MODAL_BEFORE.has(words[i - 1].lower)) continue;
      const hit = matchAt(words, i, seq.from);
      if (!hit) continue;
      // A bare head word followed by the rest of the term is the term, never the bare word.
      const start = words[i].start;
      const end = words[i + hit.count - 1].end;
      const replacement = seq.to ? buildReplacement(token, words, i, hit, seq.to) : null;
      parts.push({ seq, start, end, replacement });
      i += hit.count;
      advanced = true;
      break;
    }
    if (!advanced) i++;
  }
  if (parts.length === 0) return null;
  let kind: MatchKind = 'bare';
  for (const p of parts) if (KIND_ORDER[p.seq.kind] < KIND_ORDER[kind]) kind = p.seq.kind;
  // Beside a real term, a bare head word (runRunID's first run) is left alone; so it is beside
  // the term under its new name (RunIDrun_session_id), or a fix of the term would make it count.
  if (kind !== 'bare') parts = parts.filter((p) => p.seq.kind !== 'bare');
  else if (namesRenamedTerm(words, seqs)) return null;
  let replacement: string | null = '';
  let last = 0;
  for (const p of parts) {
    if (p.replacement === null) {
      replacement = null;
      break;
    }
    replacement += token.slice(last, p.start) + p.replacement;
    last = p.end;
  }
  if (replacement !== null) replacement += token.slice(last);
  return { kind, parts, replacement };
}
