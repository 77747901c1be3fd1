/** The field catalogue: every field of every format, in print order within each format. */
import { gcpacertraceFields } from './gcpacertrace/fields.ts';
import { gctraceFields } from './gctrace/fields.ts';
import { inittraceFields } from './inittrace/fields.ts';
import { scavtraceFields } from './scavtrace/fields.ts';
import { scheddetailFields } from './scheddetail/fields.ts';
import { schedtraceFields } from './schedtrace/fields.ts';
import type { FieldInfo } from './fields.ts';
import type { FieldKey, TraceFormat } from './types.ts';

/** Every catalogue entry, grouped by format in `traceFormats` order, in print order within each. */
export const allFields: readonly FieldInfo[] = [
	...gctraceFields,
	...schedtraceFields,
	...scheddetailFields,
	...gcpacertraceFields,
	...scavtraceFields,
	...inittraceFields,
];

/** Every field key, for `z.enum` in content schemas. */
export const fieldKeys = allFields.map((f) => f.key) as [FieldKey, ...FieldKey[]];

const byKey = new Map<string, FieldInfo>(allFields.map((f) => [f.key, f]));

/** Whether `key` names a catalogue field. */
export function isFieldKey(key: string): key is FieldKey {
	return byKey.has(key);
}

/** The catalogue entry for `key`, or `undefined`. */
export function getField(key: string): FieldInfo | undefined {
	return byKey.get(key);
}

/** The fields of one format, in print order. */
export function fieldsOfFormat(format: TraceFormat): FieldInfo[] {
	return allFields.filter((f) => f.key.startsWith(`${format}/`));
}
