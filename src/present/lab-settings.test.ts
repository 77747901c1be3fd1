import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLabSettings, labCommand, labProgram, labQuery, parseLabSettings } from './lab-settings.ts';

test('no query: the defaults, with nothing to say', () => {
	assert.deepEqual(parseLabSettings(''), { settings: defaultLabSettings, notes: [] });
});

test('good values are taken as given, off and none included', () => {
	const { settings, notes } = parseLabSettings('?gogc=off&memlimit=32&rate=50.5&size=64&live=16&leak=2.5&seconds=5');
	assert.deepEqual(notes, []);
	assert.deepEqual(settings, { gogc: null, memLimitMiB: 32, rate: 50.5, size: 64, live: 16, leak: 2.5, seconds: 5 });
	assert.equal(parseLabSettings('?memlimit=none').settings.memLimitMiB, null);
	assert.equal(parseLabSettings('?memlimit=').settings.memLimitMiB, null);
});

test('values out of range are clamped, each with a sentence naming the setting, the value and the range', () => {
	const { settings, notes } = parseLabSettings('?gogc=99999&rate=0.1&seconds=600&leak=-3');
	assert.equal(settings.gogc, 2000);
	assert.equal(settings.rate, 1);
	assert.equal(settings.seconds, 20);
	assert.equal(settings.leak, 0);
	assert.equal(notes.length, 4);
	assert.match(notes[0]!, /^GOGC 99999% is above what the lab runs \(1% to 2000%\), so it uses 2000%\.$/);
	assert.ok(notes.some((n) => n.startsWith('Run time 600 s is above') && n.endsWith('so it uses 20 s.')));
	assert.ok(notes.some((n) => n.startsWith('Leaked share -3% is below')));
});

test('a value that is not a number falls back to the default and says so', () => {
	const { settings, notes } = parseLabSettings('?gogc=lots&size=4k&live=');
	assert.equal(settings.gogc, 100);
	assert.equal(settings.size, 4096);
	assert.equal(settings.live, 4);
	assert.equal(notes.length, 3);
	assert.match(notes[0]!, /^GOGC “lots” is not a number, so the lab uses 100%; give a number from 1 to 2000\.$/);
	assert.match(notes[1]!, /^Object size “4k” is not a number/);
});

test('whole-number settings are rounded; rates keep two decimals', () => {
	const { settings } = parseLabSettings('?gogc=150.6&seconds=4.4&rate=3.14159');
	assert.equal(settings.gogc, 151);
	assert.equal(settings.seconds, 4);
	assert.equal(settings.rate, 3.14);
});

test('GOGC off without a memory limit would never collect: refused, with the way to do it', () => {
	const { settings, notes } = parseLabSettings('?gogc=off');
	assert.equal(settings.gogc, 100);
	assert.equal(notes.length, 1);
	assert.match(notes[0]!, /never run.*Set a memory limit/);
});

test('a query made from settings reads back as the same settings', () => {
	const settings = { gogc: null, memLimitMiB: 12, rate: 7.5, size: 512, live: 0, leak: 5, seconds: 8 };
	assert.deepEqual(parseLabSettings(labQuery(settings)), { settings, notes: [] });
	assert.deepEqual(parseLabSettings(labQuery(defaultLabSettings)).settings, defaultLabSettings);
});

test('the program gets GODEBUG, GOGC and GOMEMLIMIT in its environment and the rest as flags', () => {
	const { env, args } = labProgram({ ...defaultLabSettings, gogc: null, memLimitMiB: 16 });
	assert.deepEqual(env, { GODEBUG: 'gctrace=1,gcpacertrace=1', GOGC: 'off', GOMEMLIMIT: '16MiB' });
	assert.deepEqual(args, ['-rate=20', '-size=4096', '-live=4', '-leak=0', '-d=10s']);
	assert.equal(labProgram(defaultLabSettings).env.GOMEMLIMIT, undefined);
	assert.equal(
		labCommand(defaultLabSettings),
		'GODEBUG=gctrace=1,gcpacertrace=1 GOGC=100 ./lab -rate=20 -size=4096 -live=4 -leak=0 -d=10s',
	);
});

test('the query is read as a form writes it: encoded, with the last value of a name winning', () => {
	const { settings, notes } = parseLabSettings('gogc=%20off%20&memlimit=8&gogc=50&rate=2%2E5');
	assert.deepEqual(notes, []);
	assert.equal(settings.gogc, 50);
	assert.equal(settings.rate, 2.5);
	assert.equal(parseLabSettings('?rate=%E0%A4%A').notes.length, 1);
});
