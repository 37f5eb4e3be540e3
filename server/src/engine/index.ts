export { Engine, applyEdits, fixEdits, type CheckOptions } from './engine';
export { settleFixes, type Settled } from './settle';
export * from './types';
export { LineIndex } from './positions';
export { compileRules, type Ruleset } from './rules/compile';
export { builtinRuleset, builtinRulesFile, parseRulesFile, resolveRulesFile, type RulesProblem } from './rules/load';
export type { RulesFile, RuleSpec } from './rules/model';
export { languageOfPath, languageOfName, type LanguageId } from './languages';
export { symbolKey, splitWords } from './words';
