import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures';

interface Manifest {
  icon?: string;
  contributes: {
    commands: { command: string }[];
    walkthroughs?: { steps: { id: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
/** Commands VS Code makes for every view ("<view id>.focus"), not listed among the contributed ones. */
const VIEW_FOCUS = /^[\w.]+\.focus$/;

describe('package.json: icon and walkthrough', () => {
  it('has a 128x128 PNG icon that the .vsix ships', () => {
    assert.ok(manifest.icon && manifest.icon.endsWith('.png'));
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(ignore.includes(`!${manifest.icon}`), `${manifest.icon} is not shipped (.vscodeignore)`);
  });

  it('walks through the five first steps, each with its media shipped and its command links contributed', () => {
    const steps = manifest.contributes.walkthroughs?.flatMap((w) => w.steps) ?? [];
    assert.deepStrictEqual(steps.map((s) => s.id), ['openSample', 'browse', 'insert', 'conflict', 'addSource']);
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.image ?? '';
      assert.ok(existsSync(join(ROOT, media)), `${step.id}: ${media} missing`);
      assert.ok(ignore.includes('!media/walkthrough/**') && media.startsWith('media/walkthrough/'), `${step.id}: ${media} is not shipped`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(command) || VIEW_FOCUS.test(command), `${step.id}: ${command} is no command`);
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(commands.has(command), `${step.id}: completion on ${command}, no command`);
      }
    }
  });
});
