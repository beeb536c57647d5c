import { CommandOutput } from '../../src/cli/output.js';

function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (c: string) => out.push(c) }, stderr: { write: (c: string) => err.push(c) }, isTTY };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

test('--json puts exactly one parseable document on stdout and no progress anywhere', () => {
  const { io, out, err } = capture();
  const output = new CommandOutput(io, true);
  const progress = output.progress(2, 'migrate');
  progress.tick('acme migrated');
  progress.stop();
  output.result({ succeeded: 2 }, () => 'human text');
  expect(JSON.parse(out())).toEqual({ succeeded: 2 });
  expect(err()).toBe('');
});

test('without a terminal, progress is one plain line per step on stderr and the result is human text', () => {
  const { io, out, err } = capture();
  const output = new CommandOutput(io, false);
  const progress = output.progress(2, 'migrate');
  progress.tick('acme migrated');
  progress.tick('globex skipped');
  progress.stop();
  output.result({ succeeded: 2 }, () => output.table(['tenant', 'outcome'], [['acme', 'migrated'], ['globex', null]]));
  expect(err()).toBe('[1/2] acme migrated\n[2/2] globex skipped\n');
  expect(out()).toMatch(/tenant[\s\S]*acme[\s\S]*migrated[\s\S]*globex/);
  expect(out()).not.toMatch(/null/);
});
