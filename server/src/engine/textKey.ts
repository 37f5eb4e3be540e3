/**
 * A key for a slice of text that does not retain the text: V8 keeps a whole document alive
 * behind any substring of it, so caches keyed by slices would hold every old version.
 * FNV-1a over UTF-16 units, twice with different multipliers, plus the length.
 */
export function textKey(text: string, start: number, end: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${end - start}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/** A map that forgets everything when it grows past its bound (simple and allocation-free). */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }
}
