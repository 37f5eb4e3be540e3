/**
 * Identifier words: split camelCase, PascalCase with initialisms (HTTPRunID), snake_case,
 * SCREAMING_SNAKE and kebab-case into words, and restyle replacement words to match.
 */

export type WordStyle = 'lower' | 'upper' | 'title' | 'mixed';

export interface Word {
  /** Offsets inside the identifier. */
  start: number;
  end: number;
  text: string;
  lower: string;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isUpper(c) || isLower(c) || isDigit(c);

export function splitWords(token: string): Word[] {
  const words: Word[] = [];
  const n = token.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(token.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const first = token.charCodeAt(i);
    i++;
    if (isUpper(first)) {
      if (i < n && isUpper(token.charCodeAt(i))) {
        // An initialism: HTTP in HTTPRun, ID in RunID, IDs in RunIDs.
        while (i < n && isUpper(token.charCodeAt(i))) i++;
        if (i < n && isLower(token.charCodeAt(i))) {
          const pluralS = token[i] === 's' && (i + 1 >= n || !isLower(token.charCodeAt(i + 1)));
          if (pluralS) i++;
          else i--; // the last capital starts the next word: HTTPRun → HTTP | Run
        }
      } else {
        while (i < n && isLower(token.charCodeAt(i))) i++;
      }
    } else if (isLower(first)) {
      while (i < n && isLower(token.charCodeAt(i))) i++;
    }
    while (i < n && isDigit(token.charCodeAt(i))) i++;
    words.push({ start, end: i, text: token.slice(start, i), lower: token.slice(start, i).toLowerCase() });
  }
  return words;
}

export function styleOf(word: string): WordStyle {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
  }
  if (upper === 0) return 'lower';
  if (lower === 0) return word.length === 1 ? 'title' : 'upper';
  if (isUpper(word.charCodeAt(0)) && upper === 1) return 'title';
  // "IDs": an initialism with a plural s stays an initialism.
  if (lower === 1 && word.endsWith('s') && upper === word.length - 1) return 'upper';
  return 'mixed';
}

export function applyStyle(word: string, style: WordStyle): string {
  switch (style) {
    case 'upper':
      return word.toUpperCase();
    case 'title':
      return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
    default:
      return word.toLowerCase();
  }
}

/** Words of a plain phrase or identifier, lower-cased: "startRunForPrompt" → start run for prompt. */
export function lowerWords(token: string): string[] {
  return splitWords(token).map((w) => w.lower);
}

const IDENT_CHAR = /[A-Za-z0-9_]/;
export function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && IDENT_CHAR.test(ch);
}

/**
 * The spelling-independent key of a name: RunID, runID, run_id, RUN_ID and run-id all give
 * "run_id". Rename-everywhere groups a workspace's findings by it.
 */
export function symbolKey(token: string): string {
  return lowerWords(token).join('_');
}

/** Do the lower-case words hold this sequence (`run`, `id`) in a row, the last word maybe plural (`runIDs`)? */
export function hasWordSequence(words: string[], seq: string[]): boolean {
  const want = seq.map((w) => w.toLowerCase());
  return words.some((_, i) => want.every((w, k) => words[i + k] === w || (k === want.length - 1 && words[i + k] === `${w}s`)));
}

/** A sentence ends at `.`, `!` or `?` before white space or the end (global: for matchAll and exec loops). */
export const SENTENCE_END = /[.!?](?:\s|$)/g;
