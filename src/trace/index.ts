/**
 * The core's public API: UI code, the CLI and tests import from here. Every name is listed, so
 * a reader sees what the core offers and a bundle keeps only what a page uses. A page that needs
 * very little (a lesson's quiz) may import the small module itself, to keep its download small.
 */
export { lineForms, traceFormats, traceKinds } from './types.ts';
export type {
	Era,
	EraRange,
	FieldKey,
	FieldValue,
	LineForm,
	LineKind,
	ParsedLine,
	Problem,
	Token,
	TraceFormat,
	TraceKind,
} from './types.ts';
export { LATEST_GO_MINOR, OLDEST_GO_MINOR, describeEra, era, eraIncludes, formatEra, intersectEras, unionEras } from './era.ts';
export { defineFields, fieldUnits } from './fields.ts';
export type { FieldChange, FieldInfo, FieldUnit } from './fields.ts';
export { allFields, fieldKeys, fieldsOfFormat, getField, isFieldKey } from './catalogue.ts';
export { parseLine } from './parse.ts';
export { fieldCategories, fieldCategory, formatTokenValue } from './format.ts';
export type { FieldCategory } from './format.ts';
export { createLogParser, maxStoredProblems, parseLog } from './log.ts';
export type { LogLine, LogParser, LogProblem, LogSummary, TimeSpan } from './log.ts';
export { analyzeLog, createLogAnalysis } from './analysis.ts';
export type { LogAnalysis, LogAnalysisOptions, LogAnalyzer } from './analysis.ts';
export { binaryEvidence, binarySampleBytes, looksBinary } from './input-check.ts';
export {
	backgroundMarkShare,
	combined,
	fieldNumbers,
	fieldNumber,
	fieldToken,
	fieldValue,
	heapFreed,
	markUtilization,
	runnableGoroutines,
	stwCpu,
	stwPauseMs,
	stwWall,
} from './derived.ts';
export type { FieldCombination } from './derived.ts';
export { createFindingsCollector, findFindings, findingKinds, findingRules, maxFindingLines } from './findings.ts';
export type { Finding, FindingKind, FindingRule, FindingsCollector } from './findings.ts';
export { createSeriesCollector, maxLocalRunqueueSeries } from './series.ts';
export type {
	GcColumn,
	InitColumn,
	LogSeries,
	PacerColumn,
	ScavColumn,
	SchedColumn,
	SeriesCollector,
	SeriesGroup,
} from './series.ts';
export { quizTopics } from './quiz/types.ts';
export type {
	ChoiceOption,
	ChoiceQuestion,
	LineSource,
	NumericQuestion,
	Question,
	QuizTopic,
	SpotQuestion,
} from './quiz/types.ts';
export { isMeasureName, measure, measureNames } from './quiz/measures.ts';
export type { Measure, MeasureName, MeasureResult } from './quiz/measures.ts';
export { checkAnswer, parseNumericAnswer, unitName } from './quiz/answers.ts';
export type { CheckResult, NumericAnswer } from './quiz/answers.ts';
export {
	MISSED_BOOST,
	MISSED_CAP,
	buildQuestion,
	fieldList,
	generatePractice,
	measureFor,
	measurePrompts,
	questionTemplates,
	sampleCandidateLines,
	seededRandom,
	templateFits,
	topicOfLine,
	topicTokens,
} from './quiz/generate.ts';
export type { CandidateLine, PracticeOptions, QuestionPlan, QuestionTemplate } from './quiz/generate.ts';
export {
	DEFAULT_COUNT,
	DEFAULT_SEED,
	DEFAULT_TOPICS,
	MAX_COUNT,
	MAX_FOCUS,
	SEED_PATTERN,
	focusFromMissed,
	parsePracticeParams,
	practiceQuery,
} from './quiz/practice-params.ts';
export type { PracticeParams } from './quiz/practice-params.ts';
