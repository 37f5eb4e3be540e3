/** One fuzz campaign: generated documents per language plus mutated seed files, all through checkInput. */
import fc from 'fast-check';
import type { Engine } from '../../server/src/engine';
import { applyMutation, document, LANGUAGES, mutation, PATH_OF, type FuzzLanguage, type Mutation } from './generators';
import { checkInput, Stats } from './properties';
import { seeds } from './seeds';

export interface CampaignOptions {
  /** Generated documents per language. */
  perLanguage: number;
  /** Mutated seed files in all. */
  mutations: number;
  seed: number;
  /** Longest generated document, in fragments. */
  maxFragments?: number;
  onProgress?: (label: string, stats: Stats) => void;
}

export function generatedProperty(engine: Engine, lang: FuzzLanguage, stats: Stats, maxFragments?: number): fc.IPropertyWithHooks<[string]> {
  return fc.property(document(lang, maxFragments), (text) => checkInput(engine, text, PATH_OF[lang], stats));
}

export function mutationProperty(engine: Engine, stats: Stats): fc.IPropertyWithHooks<[number, Mutation[]]> {
  const all = seeds();
  if (all.length === 0) throw new Error('no seed files found under test/fixtures, test/gomod or examples');
  return fc.property(fc.nat({ max: all.length - 1 }), fc.array(mutation(), { minLength: 1, maxLength: 6 }), (i, muts) => {
    let text = all[i].text;
    for (const m of muts) text = applyMutation(text, m);
    checkInput(engine, text, all[i].path, stats);
  });
}

export interface Failure {
  label: string;
  seed: number;
  counterexample: string;
  error: string;
}

const CHUNK = 1000;
/** After this many failures of one kind of input, failing chunks are reported without shrinking. */
const SHRINK_LIMIT = 3;

/**
 * Runs every property in chunks of CHUNK inputs, each chunk with its own seed, so one failure does
 * not end the campaign: failures are collected (shrunk to a small counterexample) and the run goes on.
 */
export function runCampaign(engine: Engine, opts: CampaignOptions): { stats: Stats; failures: Failure[] } {
  const stats = new Stats();
  const failures: Failure[] = [];
  const run = (label: string, prop: fc.IRawProperty<[string]> | fc.IRawProperty<[number, Mutation[]]>, total: number): void => {
    let own = 0;
    const first = stats.inputs;
    // A failing chunk stops at its failure, so chunks go on until `total` inputs really ran.
    for (let i = 0; stats.inputs - first < total && i < (3 * total) / CHUNK + 10; i++) {
      const seed = (opts.seed + i * 7919) % 2147483647;
      const r = fc.check(prop as fc.IRawProperty<unknown[], false>, { numRuns: Math.min(CHUNK, total - (stats.inputs - first)), seed, includeErrorInReport: true, endOnFailure: own >= SHRINK_LIMIT });
      if (r.failed) {
        own++;
        failures.push({ label, seed, counterexample: JSON.stringify(r.counterexample), error: String((r.errorInstance as Error | undefined)?.message ?? r.errorInstance) });
      }
    }
    opts.onProgress?.(label, stats);
  };
  for (const lang of LANGUAGES) run(lang, generatedProperty(engine, lang, stats, opts.maxFragments), opts.perLanguage);
  if (opts.mutations > 0) run('mutations', mutationProperty(engine, stats), opts.mutations);
  return { stats, failures };
}
