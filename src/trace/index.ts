/** The core's public API: UI code, the CLI and tests import from here only. */
export * from './types.ts';
export * from './era.ts';
export * from './fields.ts';
export * from './catalogue.ts';
export { parseLine } from './parse.ts';
export * from './format.ts';
export * from './log.ts';
export * from './findings.ts';
export { backgroundMarkShare } from './derived.ts';
export * from './series.ts';
export * from './quiz/types.ts';
export * from './quiz/measures.ts';
export * from './quiz/answers.ts';
export * from './quiz/generate.ts';
export * from './quiz/practice-params.ts';
