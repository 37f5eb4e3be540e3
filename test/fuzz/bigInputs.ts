/** Large and pathological inputs with a known number of legacy tokens. */

/** About `bytes` of Go: blocks of 100 plain lines, each block with one legacy field (`RunID` + its tag). */
export function bigGo(bytes: number): { text: string; blocks: number } {
  const parts = ['package big\n\n'];
  let size = parts[0].length;
  let blocks = 0;
  while (size < bytes) {
    let block = `type Record${blocks} struct {\n\tRunID string \`json:"run_id"\`\n}\n\n`;
    for (let i = 0; i < 97; i++) block += `func f${blocks}_${i}(x int) int { return x*${i} + ${blocks} } // plain\n`;
    parts.push(block);
    size += block.length;
    blocks++;
  }
  return { text: parts.join(''), blocks };
}

/** A minified one-line script: every tenth statement holds two legacy tokens (`run_id`, `runId`). */
export function minifiedScript(bytes: number): { text: string; legacy: number } {
  const parts: string[] = [];
  let size = 0;
  let legacy = 0;
  for (let n = 0; size < bytes; n++) {
    const s = n % 10 === 0 ? `var c${n}={run_id:e.runId,k:${n}};` : `function q${n}(e,t){return e.map(function(n){return n+t})}`;
    if (n % 10 === 0) legacy += 2;
    parts.push(s);
    size += s.length;
  }
  return { text: parts.join(''), legacy };
}
