/**
 * Starts scripts/serve-dist.ts on a free port for a script or a test and waits for the address it
 * prints: no port is probed and then reused, so no other process can take it in between.
 * `stop` ends it by its process id.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SiteServer {
	/** `http://127.0.0.1:PORT`, without the base path. */
	origin: string;
	stop(): void;
}

/** `args` are serve-dist's options: `--dir dist-base`, `--base /sub/`, `--gzip`. */
export function startSite(args: string[] = []): Promise<SiteServer> {
	const server = spawn(process.execPath, [path.join(import.meta.dirname, 'serve-dist.ts'), ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return new Promise((resolve, reject) => {
		let printed = '';
		server.once('exit', (code) => reject(new Error(`the site's server stopped (exit ${code})`)));
		server.stdout!.on('data', (chunk: Buffer) => {
			printed += chunk.toString();
			const address = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed);
			if (address) resolve({ origin: address[1]!, stop: () => server.kill() });
		});
	});
}
