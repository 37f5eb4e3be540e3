/**
 * `npm run fuzz`: at least 100,000 generated inputs through every property. FUZZ_RUNS sets the
 * documents per language (default 13,000 × 7 languages) plus FUZZ_MUTATIONS mutated seed files
 * (default 12,000); FUZZ_SEED replays a run.
 */
import { Engine } from '../../server/src/engine';
import { runCampaign } from './campaign';
import { TIME_BOUND_MS } from './properties';

async function main(): Promise<void> {
  const perLanguage = Number(process.env.FUZZ_RUNS ?? 13000);
  const mutations = Number(process.env.FUZZ_MUTATIONS ?? 12000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2147483647);
  console.log(`termshift fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${perLanguage} documents per language, ${mutations} mutated seed files`);
  const engine = await Engine.create();
  const t0 = performance.now();
  const { stats, failures } = runCampaign(engine, {
    perLanguage,
    mutations,
    seed,
    onProgress: (label, s) => console.log(`  ${label.padEnd(10)} inputs ${s.inputs}  checks ${s.checks}  findings ${s.findings}  fixes ${s.fixes}  ${((performance.now() - t0) / 1000).toFixed(1)} s`),
  });
  const secs = (performance.now() - t0) / 1000;
  console.log(`termshift fuzz: ${stats.inputs} inputs, ${stats.checks} checks, ${stats.findings} findings, ${stats.fixes} fixes applied and re-checked in ${secs.toFixed(1)} s`);
  console.log(`  check time: mean ${(stats.totalCheckMs / Math.max(1, stats.checks)).toFixed(3)} ms, max ${stats.maxCheckMs.toFixed(1)} ms (bound ${TIME_BOUND_MS} ms) on ${stats.maxCheckInput}`);
  console.log(`  fix-all settled in one pass on all but ${stats.laterPasses} inputs${stats.laterPasses ? ` (which took more; e.g. ${JSON.stringify(stats.laterPassExample)})` : ''}`);
  for (const f of failures) console.log(`\nFAILED ${f.label} (chunk seed ${f.seed}): ${f.counterexample}\n  ${f.error.split('\n').join('\n  ')}`);
  console.log(`${stats.inputs - failures.length} passed, ${failures.length} failed`);
  if (failures.length) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
