/**
 * Makes sure a system tool the tests need is installed: when it is missing, installs its Debian
 * package with apt-get where that can work (root on Debian), and otherwise stops with one line
 * saying how to install it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemTool {
	/** What the tool is, for messages. */
	name: string;
	/** Paths or commands that count as installed. */
	found: () => boolean;
	/** The Debian package that provides it. */
	debianPackage: string;
}

export function onPath(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export const chromium: SystemTool = {
	name: 'Chromium',
	found: () => existsSync('/usr/bin/chromium'),
	debianPackage: 'chromium',
};

export const go: SystemTool = {
	name: 'Go',
	found: () => onPath('go'),
	debianPackage: 'golang-go',
};

/** The LMS export tests read the exported files back with Python's own XML parser and zip reader. */
export const python: SystemTool = {
	name: 'Python 3',
	found: () => onPath('python3'),
	debianPackage: 'python3',
};

export const unzip: SystemTool = {
	name: 'unzip',
	found: () => onPath('unzip'),
	debianPackage: 'unzip',
};

/** How long apt-get waits for another install's lock before giving up. */
const lockTimeoutSeconds = 600;

/**
 * Runs apt-get, waiting while another install holds the package manager's lock instead of
 * failing: apt waits for the dpkg lock itself (DPkg::Lock::Timeout), but `apt-get update`'s
 * lock on the package lists is not covered by it, so a refusal for that lock is tried again.
 */
function aptGet(args: string[]): boolean {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const deadline = Date.now() + lockTimeoutSeconds * 1000;
	for (;;) {
		const { status, stderr } = spawnSync('apt-get', ['-o', `DPkg::Lock::Timeout=${lockTimeoutSeconds}`, ...args], {
			stdio: ['ignore', 'inherit', 'pipe'],
			encoding: 'utf8',
			env,
		});
		const locked = status !== 0 && /Could not get lock|Unable to lock/.test(stderr);
		if (!locked || Date.now() > deadline) {
			process.stderr.write(stderr);
			return status === 0;
		}
		console.log('apt-get: another install holds the package lists; waiting…');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
	}
}

/** Installs `tool` if missing; exits the process with a one-line message when it cannot. */
export function ensureTool(tool: SystemTool): void {
	if (tool.found()) return;
	const isRoot = process.getuid?.() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	const how = `install it with: sudo apt-get install ${tool.debianPackage}`;
	if (!isRoot || !hasApt) {
		console.error(`${tool.name} is missing: ${how}`);
		process.exit(1);
	}
	console.log(`${tool.name} is missing; installing the Debian package ${tool.debianPackage}…`);
	if (!aptGet(['update', '-qq']) || !aptGet(['install', '-y', '-qq', tool.debianPackage]) || !tool.found()) {
		console.error(`Could not install ${tool.name}: ${how}`);
		process.exit(1);
	}
}

if (import.meta.main) {
	const wanted = process.argv.slice(2);
	const tools: Record<string, SystemTool> = { chromium, go, python, unzip };
	for (const name of wanted) {
		const tool = tools[name];
		if (!tool) {
			console.error(`unknown tool "${name}"; expected one of: ${Object.keys(tools).join(', ')}`);
			process.exit(2);
		}
		ensureTool(tool);
	}
}
