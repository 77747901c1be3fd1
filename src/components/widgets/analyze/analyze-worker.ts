/**
 * The analyzer's worker: the page's thread never does per-line work. The work itself is in
 * `analyze-session.ts`; this file only connects it to the worker's messages.
 */
import { createAnalyzeSession } from './analyze-session.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const session = createAnalyzeSession((message: FromWorker, transfer: ArrayBuffer[] = []) =>
	postMessage(message, { transfer }),
);

onmessage = (event: MessageEvent<ToWorker>) => session.handle(event.data);
