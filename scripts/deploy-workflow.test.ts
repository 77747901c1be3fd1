// The GitHub Pages workflow builds the site the way the README's "Publish it" tells a reader to,
// with the base path taken from the repository's name, and then deploys what it built.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Step {
	uses?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, { needs?: string | string[]; steps: Step[] }>;
}

const workflow = parse(read('.github/workflows/deploy.yml')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const astroStep = steps.find((s) => s.uses?.startsWith('withastro/action@'));

/** The command in the README's "Publish it" shell block, without the settings before it. */
function readmeBuildCommand(): { command: string; settings: string[] } {
	const readme = read('README.md');
	const section = /^## Publish it\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
	assert.ok(section, 'README.md has a "Publish it" section');
	const block = /```sh\n([^`]+)```/.exec(section)?.[1]?.trim();
	assert.ok(block, '"Publish it" shows the build command in a sh block');
	const words = block.split(/\s+/);
	const settings = words.filter((w, i) => /^[A-Z_]+=/.test(w) && words.slice(0, i).every((v) => /^[A-Z_]+=/.test(v)));
	return { command: words.slice(settings.length).join(' '), settings: settings.map((s) => s.split('=')[0]!) };
}

test('the workflow builds with the command the README names, and that command is a script of the project', () => {
	assert.ok(astroStep, "the workflow uses Astro's action");
	const { command } = readmeBuildCommand();
	assert.equal(astroStep.with?.['build-cmd'], command);
	const script = /^npm run (\S+)$/.exec(command)?.[1];
	assert.ok(script, `${command} is an npm script`);
	const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
	assert.ok(scripts[script], `package.json has the script ${script}`);
	// Astro's action uploads dist/, which is where that script builds.
	assert.doesNotMatch(scripts[script], /--outDir/);
	assert.match(read('README.md'), new RegExp(`deploy\\.yml\` runs \`${command}\``));
});

test('the build takes its base path from the repository name and its address from Pages', () => {
	const env = astroStep?.env ?? {};
	assert.match(String(env['BASE_PATH']), /github\.event\.repository\.name/);
	assert.match(String(env['BASE_PATH']), /format\('\/\{0\}\/', github\.event\.repository\.name\)/);
	const pagesStep = steps.find((s) => s.uses?.startsWith('actions/configure-pages@')) as Step & { id?: string };
	assert.ok(pagesStep?.id, 'the Pages address is read by an identified step');
	assert.equal(env['SITE_URL'], `\${{ steps.${pagesStep.id}.outputs.origin }}`);
});

test('the settings the README and the workflow name are the ones the site reads', () => {
	const config = read('astro.config.mjs');
	const { settings } = readmeBuildCommand();
	assert.deepEqual(settings.sort(), ['BASE_PATH', 'SITE_URL']);
	for (const name of [...settings, ...Object.keys(astroStep?.env ?? {})]) {
		assert.match(config, new RegExp(`process\\.env\\.${name}\\b`), `astro.config.mjs reads ${name}`);
	}
});

test('a push to main builds, then deploys what was built to Pages', () => {
	assert.deepEqual(workflow.on['push'], { branches: ['main'] });
	assert.equal(workflow.permissions['pages'], 'write');
	assert.equal(workflow.permissions['id-token'], 'write');
	const deploy = Object.values(workflow.jobs).find((job) =>
		job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')),
	);
	const buildJob = Object.entries(workflow.jobs).find(([, job]) => job.steps.includes(astroStep!))?.[0];
	assert.ok(deploy && buildJob);
	assert.deepEqual([deploy.needs].flat(), [buildJob]);
});
