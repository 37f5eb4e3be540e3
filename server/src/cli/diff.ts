/**
 * Unified diffs for `fix --dry-run` (what `git apply` and `patch -p1` read). Lines keep their own
 * terminators, so a CRLF file shows CRLF lines; a last line without one gets the usual marker.
 */

const CONTEXT = 3;
/** Past this many cells the middle is shown as one replaced block instead of an exact LCS. */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

export function splitLines(text: string): string[] {
  const out: string[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') out.push(m[0]);
  return out;
}

function lineOps(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: Op[] = a.slice(0, pre).map((line) => ({ kind: ' ', line }));
  const ma = a.slice(pre, a.length - suf);
  const mb = b.slice(pre, b.length - suf);
  if (ma.length * mb.length > MAX_CELLS) {
    ops.push(...ma.map((line): Op => ({ kind: '-', line })), ...mb.map((line): Op => ({ kind: '+', line })));
  } else {
    // LCS table from the end, then walk forwards.
    const w = mb.length + 1;
    const t = new Uint32Array((ma.length + 1) * w);
    for (let i = ma.length - 1; i >= 0; i--) {
      for (let j = mb.length - 1; j >= 0; j--) {
        t[i * w + j] = ma[i] === mb[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
      if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
        ops.push({ kind: ' ', line: ma[i++] });
        j++;
      } else if (j >= mb.length || (i < ma.length && t[(i + 1) * w + j] >= t[i * w + j + 1])) {
        ops.push({ kind: '-', line: ma[i++] });
      } else {
        ops.push({ kind: '+', line: mb[j++] });
      }
    }
  }
  ops.push(...a.slice(a.length - suf).map((line): Op => ({ kind: ' ', line })));
  return ops;
}

function emit(op: Op): string {
  const nl = /(\r\n|\r|\n)$/.test(op.line);
  return op.kind + op.line + (nl ? '' : '\n\\ No newline at end of file\n');
}

/** A unified diff of two texts, or '' when they are equal. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const ops = lineOps(splitLines(oldText), splitLines(newText));
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let k = 0;
  while (k < changed.length) {
    // Group changes whose context windows touch into one hunk.
    let end = k;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT + 1) end++;
    const from = Math.max(0, changed[k] - CONTEXT);
    const to = Math.min(ops.length, changed[end] + CONTEXT + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let x = 0; x < from; x++) {
      if (ops[x].kind !== '+') oldStart++;
      if (ops[x].kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldLen = hunk.filter((o) => o.kind !== '+').length;
    const newLen = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${oldLen === 0 ? oldStart - 1 : oldStart},${oldLen} +${newLen === 0 ? newStart - 1 : newStart},${newLen} @@\n`;
    for (const o of hunk) out += emit(o);
    k = end + 1;
  }
  return out;
}
