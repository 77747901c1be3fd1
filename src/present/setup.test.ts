import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docComment, goRelease, programParts, programSlug, readerCommand } from './setup.ts';

test('a capture program is a folder under examples/, alone or with add-ons built in it', () => {
	assert.deepEqual(programParts('examples/godebug'), { base: 'examples/godebug', addOns: [] });
	assert.deepEqual(programParts('examples/godebug + examples/capstone/pprof.go'), {
		base: 'examples/godebug',
		addOns: ['examples/capstone/pprof.go'],
	});
	assert.equal(programSlug('examples/godebug'), 'godebug');
	assert.equal(programSlug('examples/gcdemo/'), 'gcdemo');
	assert.equal(programSlug('examples/godebug + examples/capstone/pprof.go'), 'godebug-pprof');
});

test('a program named outside examples/, or starting with a file, is refused with its name', () => {
	assert.throws(() => programParts('/usr/src/godebug'), /"\/usr\/src\/godebug" is not a path under examples\//);
	assert.throws(() => programParts('examples/../secret'), /not a path under examples/);
	assert.throws(() => programParts('examples/capstone/pprof.go + examples/godebug'), /first part must be a folder/);
});

test('a capture command is shown with the default port instead of the free one the capture script chose', () => {
	assert.equal(
		readerCommand('GOMAXPROCS=1 GODEBUG=schedtrace=1000 PORT=27665 ./godebug leak'),
		'GOMAXPROCS=1 GODEBUG=schedtrace=1000 ./godebug leak',
	);
	assert.equal(
		readerCommand('hey -m POST -c 8 -z 5s http://127.0.0.1:27665/sendjson'),
		'hey -m POST -c 8 -z 5s http://127.0.0.1:4000/sendjson',
	);
	assert.equal(
		readerCommand('GOMAXPROCS=2 GODEBUG=gctrace=1 ./gcdemo -d 3s'),
		'GOMAXPROCS=2 GODEBUG=gctrace=1 ./gcdemo -d 3s',
	);
});

test('Go releases and doc comments read as a person writes them', () => {
	assert.equal(goRelease('go1.26.8 linux/amd64'), 'Go 1.26.8');
	assert.equal(goRelease('go1.19.8 linux/amd64'), 'Go 1.19.8');
	assert.equal(
		docComment('// Command godebug is the small\n// web service.\n//\n//\tgo build\n//\n// Set PORT.\npackage main\n'),
		'Command godebug is the small web service.\n\nSet PORT.',
	);
	assert.equal(docComment('package main\n'), '');
});
