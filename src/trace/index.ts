/**
 * The core's public API: UI code and the CLI import from here only. Every name is listed, and
 * package.json marks the core's modules free of side effects, so a bundle keeps only the modules
 * a page uses (a lesson's quiz loads the answer checker, not the parsers).
 */
export { traceFormats, traceKinds } from './types.ts';
export type { Era, FieldKey, LineKind, ParsedLine, Token, TraceFormat } from './types.ts';
export { describeEra, era, eraIncludes, formatEra } from './era.ts';
export type { FieldInfo } from './fields.ts';
export { allFields, fieldKeys, fieldsOfFormat, getField, isFieldKey } from './catalogue.ts';
export { parseLine } from './parse.ts';
export { fieldCategory, formatTokenValue } from './format.ts';
export { createLogParser, parseLog } from './log.ts';
export type { LogLine, LogSummary, TimeSpan } from './log.ts';
export { createLogAnalysis } from './analysis.ts';
export type { LogAnalysis } from './analysis.ts';
export type { Distribution, HistogramBucket, LogStats } from './stats.ts';
export { compareAnalyses, fewCycles } from './compare.ts';
export type {
	CompareCaveat,
	CompareMeasureKey,
	ComparedRun,
	Comparison,
	MeasureChange,
	MeasureDirection,
	MeasureUnit,
} from './compare.ts';
export { binaryEvidence, binarySampleBytes, looksBinary } from './input-check.ts';
export { backgroundMarkShare } from './derived.ts';
export { createFindingsCollector, findFindings, findingKinds, findingRules, maxFindingLines } from './findings.ts';
export type { Finding, FindingKind } from './findings.ts';
export { createSeriesCollector, maxLocalRunqueueSeries } from './series.ts';
export type { LogSeries, SeriesGroup } from './series.ts';
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
export { measure } from './quiz/measures.ts';
export { checkAnswer, parseNumericAnswer, unitName } from './quiz/answers.ts';
export { generatePractice, sampleCandidateLines, topicOfField, topicOfLine, topicTokens } from './quiz/generate.ts';
export {
	dueDate,
	dueFields,
	INTERVAL_DAYS,
	isFieldRecord,
	mergeRecords,
	nextDue,
	reviewField,
	standingOf,
} from './quiz/mastery.ts';
export type { FieldRecord, Standing } from './quiz/mastery.ts';
export type { CandidateLine } from './quiz/generate.ts';
export {
	DEFAULT_COUNT,
	DEFAULT_SEED,
	DEFAULT_TOPICS,
	MAX_COUNT,
	MAX_FOCUS,
	MAX_SEED_LENGTH,
	focusFromMissed,
	parsePracticeParams,
	practiceQuery,
} from './quiz/practice-params.ts';
export type { PracticeParams, PracticeProblem } from './quiz/practice-params.ts';
export {
	oldestCheckedGo,
	productionOf,
	prometheusDefaultNames,
	prometheusDefaultRuntimeMetrics,
	prometheusName,
	runtimeMetrics,
} from './production.ts';
export type { FieldProduction, MetricName, RuntimeMetric } from './production.ts';
export { normalRanges, rangesCheckedIn } from './normal-ranges.ts';
export type { RangeSource } from './normal-ranges.ts';
export {
	checkLabAnswer,
	labAnswerKeys,
	labChoiceOptions,
	labExperimentIds,
	labMinCycles,
	labRunFacts,
} from './lab-checks.ts';
export type {
	LabAnswerKey,
	LabAnswerKeys,
	LabCheck,
	LabCycle,
	LabExperimentId,
	LabRunFacts,
	LabShortfall,
} from './lab-checks.ts';
