export * from './database';
export * from './event-store';
export * from './read-model-runtime';
export * from './progress-bar';
export * from './settings';
