import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main, EXIT_CLEAN, EXIT_USAGE } from '../../src/cli/main';
import { ROOT, windows1252Article } from './fixtures';

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
  return { code, out, err };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'memo-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('memo-check extract', () => {
  it('prints the sample as the JSON the README documents when no source is given', async () => {
    const { code, out, err } = await run(['extract', '--format', 'json']);
    assert.strictEqual(code, EXIT_CLEAN, err);
    const report = JSON.parse(out);
    assert.strictEqual(report.version, 1);
    const [source] = report.sources;
    assert.strictEqual(source.key, 'rutte-sudani-the-hague');
    assert.deepStrictEqual(source.quotes.map((q: { speaker: string | null }) => q.speaker), ['Mark Rutte', 'Jeannine Plasschaert', 'Fuad Hussein', null, 'Nechirvan Barzani', 'Defense']);
    const quote = source.quotes[1];
    assert.deepStrictEqual(quote.range.start, { line: 8, character: 251 });
    const values = source.facts.flatMap((f: { values: { type: string; text: string; value: unknown }[] }) => f.values);
    assert.ok(values.some((v: { type: string; value: unknown }) => v.type === 'number' && v.value === 2500));
    assert.ok(values.some((v: { type: string; value: unknown }) => v.type === 'date' && v.value === '--02-04'));
  });

  it('prints text by default', async () => {
    const { code, out } = await run(['extract', 'test/fixtures/articles/wire-report.txt']);
    assert.strictEqual(code, EXIT_CLEAN);
    assert.match(out, /Ingrid Vos: \u201cWe have not seen a stoppage/);
  });

  it('exits 2 with one clear line for a missing, empty or binary source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    for (const [file, reason] of [['missing.txt', 'does not exist'], ['empty.txt', 'is empty'], ['binary.txt', 'binary']]) {
      const { code, out, err } = await run(['extract', file], dir);
      assert.strictEqual(code, EXIT_USAGE);
      assert.strictEqual(out, '');
      assert.match(err, new RegExp(`^memo-check: source ${file} .*${reason}`));
      assert.strictEqual(err.trim().split('\n').length, 1);
    }
  });

  it('rejects unknown options and formats with exit 2 and one line that points at --help', async () => {
    for (const args of [['extract', '--format', 'xml'], ['--bogus', 'memo.md'], [], ['extract', '--source', 'a.txt']]) {
      const { code, err } = await run(args);
      assert.strictEqual(code, EXIT_USAGE, args.join(' '));
      assert.strictEqual(err.trim().split('\n').length, 1, err);
      assert.match(err, /^memo-check: .*\(memo-check --help for usage\)$/m);
    }
    const help = await run(['--help']);
    assert.match(help.out, /^usage: memo-check/);
  });
});

describe('memo-check check', () => {
  it('exits 1 with compiler-style lines when a memo conflicts with the bundled sample', async () => {
    const dir = workspace({ 'memo.md': '# Memo\n\nAbout 3,500 American troops remain in Iraq.\n' });
    const { code, out } = await run(['memo.md'], dir);
    assert.strictEqual(code, 1);
    assert.match(out, /^memo\.md:3:7 warning conflict\/number Memo says 3,500 American troops; source says 2500 American troops/);
  });

  it('exits 0 on a memo the sources support, and prints nothing on stdout', async () => {
    const dir = workspace({ 'memo.md': 'There are 2500 American troops in Iraq.\n' });
    const { code, out } = await run(['check', 'memo.md'], dir);
    assert.deepStrictEqual({ code, out }, { code: 0, out: '' });
  });

  it('prints the JSON the README documents, with evidence and fix', async () => {
    const dir = workspace({ 'memo.md': 'About 3,500 American troops remain in Iraq.\n' });
    const { code, out } = await run(['--format', 'json', 'memo.md'], dir);
    assert.strictEqual(code, 1);
    const report = JSON.parse(out);
    assert.strictEqual(report.version, 1);
    const [d] = report.files[0].diagnostics;
    assert.strictEqual(d.code, 'conflict/number');
    assert.deepStrictEqual(d.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 11 } });
    assert.deepStrictEqual(d.fix, { range: d.range, newText: '2500' });
    assert.match(d.evidence.text, /2500 American troops should stay in Iraq/);
    assert.deepStrictEqual(d.evidence.range.start, { line: 6, character: 0 });
  });

  it('uses the memo\u2019s front matter sources over --source', async () => {
    const dir = workspace({
      'a.txt': 'The council approved 12 new schools in 2021.\n',
      'b.txt': 'The council approved 40 new schools in 2021.\n',
      'memo.md': '---\nsources: [a.txt]\n---\n\nThe council approved 40 new schools in 2021.\n',
      'plain.md': 'The council approved 40 new schools in 2021.\n',
    });
    assert.strictEqual((await run(['--source', 'b.txt', 'memo.md'], dir)).code, 1, 'front matter names a.txt: 40 conflicts');
    assert.strictEqual((await run(['--source', 'b.txt', 'plain.md'], dir)).code, 0, 'no front matter: --source b.txt supports 40');
  });

  it('exits 2 with one line for a missing memo, a missing source, or no memo', async () => {
    const dir = workspace({ 'memo.md': '---\nsources: [gone.txt]\n---\n\nText.\n' });
    for (const args of [['nope.md'], ['memo.md'], []]) {
      const { code, out, err } = await run(args, dir);
      assert.strictEqual(code, 2, args.join(' '));
      assert.strictEqual(out, '');
      assert.match(err, /^memo-check: /);
    }
  });

  it('says on stderr, naming the file, when a source or memo is not UTF-8; stdout stays the report', async () => {
    const memo = '\u201cWe are on a knife\u2019s edge with this strike, and the port stays shut until the board pays what it owes,\u201d said Ingrid Vos.\n';
    const dir = workspace({ 'memo.md': memo });
    writeFileSync(join(dir, 'vos.txt'), windows1252Article().bytes);
    writeFileSync(join(dir, 'memo-1252.md'), Buffer.from([...memo].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u2019': 0x92 }[c] ?? c.charCodeAt(0)))));
    const { code, out, err } = await run(['--format', 'json', '--source', 'vos.txt', 'memo.md', 'memo-1252.md'], dir);
    assert.strictEqual(code, 0, err);
    assert.deepStrictEqual(err.split('\n'), [
      'memo-check: source vos.txt is not UTF-8; read as Windows-1252',
      'memo-check: memo memo-1252.md is not UTF-8; read as Windows-1252',
      '',
    ]);
    const report = JSON.parse(out);
    assert.deepStrictEqual(report.files.map((f: { diagnostics: unknown[] }) => f.diagnostics), [[], []], 'the quote is verbatim once the source is read as Windows-1252');
    const extracted = await run(['extract', 'vos.txt'], dir);
    assert.strictEqual(extracted.code, 0);
    assert.strictEqual(extracted.err, 'memo-check: source vos.txt is not UTF-8; read as Windows-1252\n');
    assert.match(extracted.out, /Ingrid Vos: \u201cWe are on a knife\u2019s edge with this strike/);
  });
});

describe('memo-check on hostile input', () => {
  /** A project inside a folder that also holds a file the project must not read. */
  function projectBesideSecret(files: Record<string, string> = {}): { outer: string; project: string; secret: string } {
    const outer = mkdtempSync(join(tmpdir(), 'memo-check-root-'));
    const project = join(outer, 'project');
    mkdirSync(join(project, 'sources'), { recursive: true });
    const secret = join(outer, 'secret.txt');
    writeFileSync(secret, 'The vault holds 12 gold bars, said Treasurer Ann Lee.\n');
    for (const [name, content] of Object.entries(files)) writeFileSync(join(project, name), content);
    return { outer, project, secret };
  }
  const CLAIM = 'The vault holds 40 gold bars.\n';
  const oneLine = (text: string): boolean => text.trim().split('\n').length === 1;

  for (const [what, entry] of [['a ../ path', '../secret.txt'], ['an absolute path', 'ABSOLUTE']] as const) {
    it(`refuses ${what} in front matter outside the project root, naming it, and prints none of its text`, async () => {
      const { project, secret } = projectBesideSecret();
      const named = entry === 'ABSOLUTE' ? secret : entry;
      writeFileSync(join(project, 'memo.md'), `---\nsources: [${named}]\n---\n\n${CLAIM}`);
      for (const format of ['text', 'json']) {
        const { code, out, err } = await run(['--format', format, 'memo.md'], project);
        assert.strictEqual(code, EXIT_USAGE, err);
        assert.strictEqual(out, '');
        assert.ok(oneLine(err), err);
        // Named as it would be read: a path outside the current directory is shown absolute.
        assert.ok(err.startsWith(`memo-check: source ${secret} is outside the project root ${project} and is not read`), err);
        assert.ok(!/gold bars|Ann Lee/.test(out + err), 'nothing of the file outside is printed');
      }
    });
  }

  it('reads sources outside the root with --allow-outside-root, or inside a wider --root', async () => {
    const { outer, project } = projectBesideSecret({ 'memo.md': `---\nsources: [../secret.txt]\n---\n\n${CLAIM}` });
    const allowed = await run(['--allow-outside-root', '--format', 'json', 'memo.md'], project);
    assert.strictEqual(allowed.code, 1, allowed.err);
    assert.match(JSON.parse(allowed.out).files[0].diagnostics[0].evidence.text, /12 gold bars/);
    assert.strictEqual((await run(['--root', outer, 'memo.md'], project)).code, 1);
    assert.strictEqual((await run(['--root', '..', 'memo.md'], project)).code, 1);
  });

  it('refuses a front-matter source that only a symlink puts inside the root; reads what the command line names', async () => {
    const { project, secret } = projectBesideSecret({ 'memo.md': `---\nsources: [sources/linked.txt]\n---\n\n${CLAIM}`, 'plain.md': CLAIM });
    symlinkSync(secret, join(project, 'sources', 'linked.txt'));
    const { code, out, err } = await run(['memo.md'], project);
    assert.strictEqual(code, EXIT_USAGE);
    assert.strictEqual(out, '');
    assert.ok(oneLine(err), err);
    assert.match(err, /^memo-check: source sources\/linked\.txt is a link to a file outside the project root/);
    // The caller's own choice: a CI script or a person naming the file.
    assert.strictEqual((await run(['--source', 'sources/linked.txt', 'plain.md'], project)).code, 1);
    assert.strictEqual((await run(['extract', 'sources/linked.txt'], project)).code, EXIT_CLEAN);
  });

  it('holds a memo named outside the current directory to its own branch of the tree', async () => {
    const { outer, project, secret } = projectBesideSecret();
    const elsewhere = join(outer, 'elsewhere');
    mkdirSync(join(elsewhere, 'memos'), { recursive: true });
    mkdirSync(join(elsewhere, 'docs'));
    writeFileSync(join(elsewhere, 'docs', 'a.txt'), 'The vault holds 12 gold bars, said Treasurer Ann Lee.\n');
    writeFileSync(join(elsewhere, 'memos', 'beside.md'), `---\nsources: [../docs/a.txt]\n---\n\n${CLAIM}`);
    writeFileSync(join(elsewhere, 'memos', 'escape.md'), `---\nsources: [../../secret.txt]\n---\n\n${CLAIM}`);
    assert.strictEqual((await run([join(elsewhere, 'memos', 'beside.md')], project)).code, 1);
    const escape = await run([join(elsewhere, 'memos', 'escape.md')], project);
    assert.strictEqual(escape.code, EXIT_USAGE);
    assert.ok(escape.err.startsWith(`memo-check: source ${secret} is outside the project root ${elsewhere} and is not read`), escape.err);
  });

  it('refuses a FIFO as a source or a memo at once, instead of waiting for a writer', async function () {
    this.timeout(10000);
    const { project } = projectBesideSecret({ 'memo.md': `---\nsources: [sources/pipe.txt]\n---\n\n${CLAIM}` });
    execFileSync('mkfifo', [join(project, 'sources', 'pipe.txt'), join(project, 'pipe.md')]);
    for (const [args, label] of [[['memo.md'], 'source sources/pipe.txt'], [['extract', 'sources/pipe.txt'], 'source sources/pipe.txt'], [['pipe.md'], 'memo pipe.md']] as const) {
      const { code, out, err } = await run([...args], project);
      assert.strictEqual(code, EXIT_USAGE, args.join(' '));
      assert.strictEqual(out, '');
      assert.ok(oneLine(err), err);
      assert.ok(err.startsWith(`memo-check: ${label} is not a regular file (a device, FIFO or socket) and is not read`), err);
    }
  });

  it('never reads /dev/zero through a symlink, even with --allow-outside-root', async function () {
    this.timeout(10000);
    const { project } = projectBesideSecret({ 'memo.md': `---\nsources: [sources/zero.txt]\n---\n\n${CLAIM}` });
    symlinkSync('/dev/zero', join(project, 'sources', 'zero.txt'));
    const confined = await run(['memo.md'], project);
    assert.strictEqual(confined.code, EXIT_USAGE);
    assert.match(confined.err, /^memo-check: source sources\/zero\.txt is a link to a file outside the project root/);
    const allowed = await run(['--allow-outside-root', 'memo.md'], project);
    assert.strictEqual(allowed.code, EXIT_USAGE);
    assert.match(allowed.err, /^memo-check: source sources\/zero\.txt is not a regular file \(a device, FIFO or socket\) and is not read\n$/);
  });

  it('prints no terminal control sequence from a source in text output; JSON keeps them, escaped', async () => {
    const hostile = 'Title \u001b]0;pwned\u0007 here\n\n\u201cWe will build 12 schools \u001b[2K\u001b]8;;https://evil.example\u001b\\now\u001b]8;;\u001b\\ \u009b2J soon,\u201d said Mayor Ann Lee.\n';
    const dir = workspace({ 'esc.txt': hostile, 'memo.md': '---\nsources: [esc.txt]\n---\n\n\u201cWe will build 14 schools now soon,\u201d said Mayor Ann Lee.\n' });
    const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    const text = await run(['extract', 'esc.txt'], dir);
    assert.strictEqual(text.code, EXIT_CLEAN, text.err);
    assert.ok(!controls.test(text.out), JSON.stringify(text.out));
    assert.ok(text.out.includes('\\x1b]8;;https://evil.example\\x1b\\now'), 'the sequence is shown, escaped');
    assert.ok(text.out.includes('\\x9b2J'), 'C1 controls are escaped too');
    const check = await run(['memo.md'], dir);
    assert.ok(!controls.test(check.out + check.err), JSON.stringify(check.out));
    const json = await run(['extract', '--format', 'json', 'esc.txt'], dir);
    assert.ok(!controls.test(json.out.replace(/\n/g, '')), 'no raw control character in the JSON text');
    assert.ok(json.out.includes('\\u009b'), 'C1 controls are escaped in JSON');
    assert.ok(JSON.parse(json.out).sources[0].quotes[0].text.includes('\u001b[2K\u001b]8;;https://evil.example'), 'JSON keeps the text as it is');
  });
});

describe('memo-check: which sources, as the extension resolves them (issue 13, point 1)', () => {
  const SCHOOLS = 'The council approved 12 new schools in 2021, said Mayor Ann Lee.\n';
  const CLAIM = 'The council approved 40 new schools in 2021.\n';
  const lines = (text: string): string[] => text.split('\n').filter(Boolean);

  it('checks against the workspace\u2019s sources/ (the default policyMemo.sources glob), not the sample, and says so on stderr', async () => {
    const dir = workspace({ 'sources/schools.txt': SCHOOLS, 'sources/deep/more.md': 'Mayor Ann Lee opened the library in 2019.\n', 'sources/notes.odt': 'x', 'memo.md': CLAIM });
    const { code, out, err } = await run(['memo.md'], dir);
    assert.strictEqual(code, 1, err);
    assert.match(out, /^memo\.md:1:22 warning conflict\/number Memo says 40 new schools; source says 12 new schools/);
    assert.deepStrictEqual(lines(err), [`memo-check: memo.md: checked against 2 sources from policyMemo.sources (default sources/**/*.{txt,md,html,pdf,docx}) under ${dir}: sources/deep/more.md, sources/schools.txt`]);
    const json = JSON.parse((await run(['--format', 'json', 'memo.md'], dir)).out);
    assert.deepStrictEqual(json.files[0].sources, ['sources/deep/more.md', 'sources/schools.txt']);
    assert.strictEqual(json.files[0].sourcesFrom, 'default-settings');
  });

  it('reads policyMemo.sources from .vscode/settings.json with comments and trailing commas, relative to --root', async () => {
    const dir = workspace({
      '.vscode/settings.json': '{\n  // our articles, not sources/\n  "policyMemo.sources": ["refs/**/*.txt", /* and */ "extra/a.md",],\n  "editor.rulers": [100],\n}\n',
      'refs/2021/schools.txt': SCHOOLS,
      'sources/other.txt': 'The council approved 40 new schools in 2021.\n',
      'docs/memo.md': CLAIM,
    });
    const inRoot = await run(['--format', 'json', 'docs/memo.md'], dir);
    assert.strictEqual(inRoot.code, 1, inRoot.err);
    assert.deepStrictEqual(JSON.parse(inRoot.out).files[0].sources, ['refs/2021/schools.txt']);
    assert.strictEqual(JSON.parse(inRoot.out).files[0].sourcesFrom, 'settings');
    const fromDocs = await run(['--root', '..', 'memo.md'], join(dir, 'docs'));
    assert.strictEqual(fromDocs.code, 1, fromDocs.err);
    // Paths outside the current directory are shown absolute, as everywhere in memo-check's messages.
    assert.strictEqual(fromDocs.err, `memo-check: memo.md: checked against 1 source from policyMemo.sources in ${dir}/.vscode/settings.json (refs/**/*.txt, extra/a.md) under ${dir}: ${dir}/refs/2021/schools.txt\n`);
  });

  it('reads a *.code-workspace file\u2019s settings when the folder has no .vscode/settings.json', async () => {
    const dir = workspace({ 'team.code-workspace': '{ "folders": [{ "path": "." }], "settings": { "policyMemo.sources": ["refs/*.txt"] } }', 'refs/a.txt': SCHOOLS, 'memo.md': CLAIM });
    const { code, err } = await run(['memo.md'], dir);
    assert.strictEqual(code, 1, err);
    assert.match(err, /from policyMemo\.sources in team\.code-workspace \(refs\/\*\.txt\).*: refs\/a\.txt$/m);
  });

  it('a memo\u2019s front matter still comes first, then --source, then the settings', async () => {
    const dir = workspace({ 'sources/a.txt': SCHOOLS, 'b.txt': 'The council approved 40 new schools in 2021.\n', 'fm.md': `---\nsources: [b.txt]\n---\n\n${CLAIM}`, 'plain.md': CLAIM });
    const fm = await run(['fm.md'], dir);
    assert.strictEqual(fm.code, 0);
    assert.strictEqual(fm.err, 'memo-check: fm.md: checked against 1 source from its front matter: b.txt\n');
    const given = await run(['--source', 'b.txt', 'plain.md'], dir);
    assert.strictEqual(given.code, 0);
    assert.strictEqual(given.err, 'memo-check: plain.md: checked against 1 source from --source: b.txt\n');
  });

  it('warns on stderr, naming what it looked for, when it falls back to the sample; JSON says sourcesFrom "sample"', async () => {
    const dir = workspace({ '.vscode/settings.json': '{ "policyMemo.sources": ["articles/*.txt"] }', 'memo.md': 'There are 2500 American troops in Iraq.\n' });
    for (const format of ['text', 'json']) {
      const { code, out, err } = await run(['--format', format, 'memo.md'], dir);
      assert.strictEqual(code, 0);
      assert.deepStrictEqual(lines(err), [`memo-check: warning: memo.md: no sources found (no front matter "sources:", no --source, no readable file matches policyMemo.sources in .vscode/settings.json (articles/*.txt) under ${dir}): checked against the bundled sample article only`]);
      if (format === 'json') {
        const [file] = JSON.parse(out).files;
        assert.strictEqual(file.sourcesFrom, 'sample');
        assert.deepStrictEqual(file.sources.length, 1);
        assert.match(file.sources[0], /rutte-sudani-the-hague\.txt$/);
      }
    }
  });

  it('exits 2 with one line naming a malformed .vscode/settings.json, with where it breaks', async () => {
    const dir = workspace({ '.vscode/settings.json': '{\n  "policyMemo.sources": ["refs/*.txt"]\n  "editor.tabSize": 2\n}\n', 'memo.md': CLAIM });
    const { code, out, err } = await run(['memo.md'], dir);
    assert.strictEqual(code, EXIT_USAGE);
    assert.strictEqual(out, '');
    assert.strictEqual(err.trim().split('\n').length, 1, err);
    assert.match(err, /^memo-check: \.vscode\/settings\.json is not valid JSON \(line 3, column 3: .*\); fix it, or name the sources with --source\n$/);
    assert.strictEqual((await run(['--source', 'memo.md', 'memo.md'], dir)).code, 0, '--source needs no settings');
  });

  it('skips, naming each, a found file that cannot be read or links out of the root, and checks against the rest', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'memo-check-root-'));
    writeFileSync(join(outer, 'secret.txt'), 'The council approved 40 new schools in 2021.\n');
    const dir = join(outer, 'project');
    mkdirSync(join(dir, 'sources'), { recursive: true });
    writeFileSync(join(dir, 'sources', 'schools.txt'), SCHOOLS);
    writeFileSync(join(dir, 'sources', 'empty.txt'), '');
    symlinkSync(join(outer, 'secret.txt'), join(dir, 'sources', 'linked.txt'));
    writeFileSync(join(dir, 'memo.md'), CLAIM);
    const { code, err } = await run(['memo.md'], dir);
    assert.strictEqual(code, 1, 'the secret, which would support the claim, is not read');
    assert.deepStrictEqual(lines(err), [
      `memo-check: source sources/linked.txt is a link to a file outside the project root ${dir} and is not read (use --allow-outside-root); skipped`,
      'memo-check: source sources/empty.txt is empty; skipped',
      `memo-check: memo.md: checked against 1 source from policyMemo.sources (default sources/**/*.{txt,md,html,pdf,docx}) under ${dir}: sources/schools.txt`,
    ]);
  });
});

describe('memo-check check: bibliographies', () => {
  const FIXTURE = join(ROOT, 'test', 'fixtures', 'bibliography');
  const fixture = (name: string): string => readFileSync(join(FIXTURE, name), 'utf8');
  const SOURCES = ['car-parks.md', 'ledger-budget.md', 'trees-study.md'];
  const CITED = 'Okafor said \u201cEvery space we build invites another car into the centre\u201d [@okafor2025, para. 3]. Ortiz reported it [@ortiz2025, para. 9].\n';
  /** A project with the fixture's sources in sources/ and, unless told otherwise, refs.bib beside the memo. */
  function project(memo: string, extra: Record<string, string> = { 'refs.bib': fixture('refs.bib') }): string {
    const files: Record<string, string> = { 'memo.md': memo, ...extra };
    for (const f of SOURCES) files[`sources/${f}`] = fixture(join('sources', f));
    return workspace(files);
  }
  const codes = (out: string): string[] => JSON.parse(out).files[0].diagnostics.map((d: { code: string }) => d.code);

  it('resolves the keys of the memo\u2019s front matter bibliography as the extension does: no citation/unknown, a stale one found', async () => {
    const dir = project(`---\nbibliography: refs.bib\n---\n\n${CITED}`);
    const { code, out, err } = await run(['--format', 'json', 'memo.md'], dir);
    assert.strictEqual(code, EXIT_CLEAN, err);
    assert.ok(!codes(out).includes('citation/unknown'), out);
    assert.ok(codes(out).includes('citation/stale'), out);
    assert.deepStrictEqual(JSON.parse(out).files[0].bibliography, ['refs.bib']);
    assert.strictEqual(err, '');
    // Without it the same keys are unknown: the test above is not passing by accident.
    const without = await run(['--format', 'json', 'memo.md'], project(CITED));
    const unknown = JSON.parse(without.out).files[0].diagnostics.filter((d: { code: string }) => d.code === 'citation/unknown');
    assert.deepStrictEqual(unknown.map((d: { message: string }) => d.message), ['No source "okafor2025" among this memo\'s sources'], without.out);
  });

  it('names on stderr a bibliography with a syntax error or one that is missing, and uses its good entries', async () => {
    const broken = project(`---\nbibliography: [refs.bib, broken.bib]\n---\n\n${CITED}`, { 'refs.bib': fixture('refs.bib'), 'broken.bib': fixture('broken.bib') });
    const read = await run(['--format', 'json', 'memo.md'], broken);
    assert.strictEqual(read.code, EXIT_CLEAN, read.err);
    assert.ok(!codes(read.out).includes('citation/unknown'), read.out);
    assert.match(read.err, /^memo-check: warning: bibliography broken\.bib has a syntax error in the entry "broken2024" at line \d+ .*key "dup" is defined 2 times .*its 2 other entries are used\.$/m);
    assert.strictEqual(read.err.trim().split('\n').length, 1, read.err);

    const missing = await run(['memo.md'], project(`---\nbibliography: gone.bib\n---\n\n${CITED}`));
    assert.strictEqual(missing.code, EXIT_CLEAN, missing.err);
    assert.match(missing.err, /^memo-check: warning: bibliography gone\.bib is not found\. The memo is checked as before; the sources keep their own citation keys\.$/m);
    assert.match(missing.out, /citation\/unknown No source "okafor2025"/);
  });

  it('refuses a bibliography outside the project root, naming it, and prints none of it', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'memo-check-'));
    writeFileSync(join(outer, 'secret.bib'), '@misc{secret2024, title = {Top Secret Title}}\n');
    const dir = join(outer, 'project');
    mkdirSync(dir);
    writeFileSync(join(dir, 'memo.md'), `---\nbibliography: ../secret.bib\n---\n\n${CITED}`);
    const { code, out, err } = await run(['--source', join(FIXTURE, 'sources', 'car-parks.md'), 'memo.md'], dir);
    assert.strictEqual(code, EXIT_USAGE);
    assert.strictEqual(out, '');
    assert.strictEqual(err, `memo-check: bibliography ${join(outer, 'secret.bib')} is outside the project root ${dir} and is not read (use --root DIR or --allow-outside-root)\n`);
    assert.strictEqual((await run(['--allow-outside-root', '--source', join(FIXTURE, 'sources', 'car-parks.md'), 'memo.md'], dir)).code, EXIT_CLEAN);
  });
});
