/** Messages between the /lab/ page and the worker that runs the Go program (lab-worker.ts). */

export type ToLabWorker =
	| {
			type: 'start';
			/** Addresses of the WebAssembly and of the wasm_exec.js built beside it. */
			wasm: string;
			loader: string;
			args: string[];
			env: Record<string, string>;
	  }
	/** A new GOGC (null: unchanged, negative: off) and GOMEMLIMIT in bytes (null: unchanged, negative: none). */
	| { type: 'set'; gogc: number | null; memLimitBytes: number | null };

export type FromLabWorker =
	/** The WebAssembly is downloaded (`bytes` long) and starts. */
	| { type: 'loaded'; bytes: number }
	/** Complete lines the program wrote: fd 2 is the runtime's trace, fd 1 the program's own `lab:` lines. */
	| { type: 'lines'; fd: 1 | 2; lines: string[] }
	/** The program ended with this exit status. */
	| { type: 'exit'; code: number }
	| { type: 'failed'; message: string };
