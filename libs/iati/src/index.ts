export * from './iati-codes';
export * from './iati-export';
export * from './rulesets/ruleset-engine';
