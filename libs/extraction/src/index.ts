export * from './vocabulary.js';
export type * from './types.js';
