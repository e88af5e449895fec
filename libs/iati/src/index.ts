export * from './iati-codes';
export * from './iati-activity';
export * from './iati-export';
export * from './iati-csv';
export * from './rulesets/ruleset-engine';
