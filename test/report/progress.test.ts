import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress, type ProgressStream } from '../../src/report/progress.js';

function fakeStream(isTTY: boolean, columns = 100): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return {
    isTTY,
    columns,
    written,
    write(chunk: string | Uint8Array): boolean {
      written.push(String(chunk));
      return true;
    },
  } as ProgressStream & { written: string[] };
}

function run(p: Progress, clock: { t: number }) {
  p.start(100);
  for (let i = 0; i < 100; i++) {
    clock.t += 20;
    p.tick();
    if (i === 50) p.phase('building model');
  }
  p.done();
}

test('disabled, or not a terminal: writes nothing at all', () => {
  for (const [enabled, tty] of [[false, true], [true, false], [false, false]] as const) {
    const s = fakeStream(tty);
    const clock = { t: 0 };
    run(new Progress(s, { enabled, label: 'goconc', now: () => clock.t }), clock);
    assert.deepEqual(s.written, [], `enabled=${enabled} tty=${tty}`);
  }
});

test('a short scan never shows the bar', () => {
  const s = fakeStream(true);
  const clock = { t: 0 };
  const p = new Progress(s, { enabled: true, label: 'goconc', now: () => clock.t });
  p.start(10);
  for (let i = 0; i < 10; i++) {
    clock.t += 30;
    p.tick();
  }
  p.done();
  assert.deepEqual(s.written, []);
});

test('a long scan shows after 500 ms, redraws at most every 100 ms, erases on done', () => {
  const s = fakeStream(true);
  const clock = { t: 0 };
  const p = new Progress(s, { enabled: true, label: 'goconc', now: () => clock.t });
  p.phase('parsing');
  run(p, clock); // 2 seconds of ticks every 20 ms
  const draws = s.written.slice(0, -1);
  assert.ok(draws.length >= 10 && draws.length <= 17, `draws: ${draws.length}`);
  assert.match(draws[0]!, /^\r\x1b\[2Kgoconc {2}parsing {2}\[#+-*\] {2}2\d\/100 files {2}2\d% {2}50 files\/s$/);
  assert.ok(draws.some((d) => d.includes('building model')));
  assert.equal(s.written.at(-1), '\r\x1b[2K');
});

test('the line fits the terminal width', () => {
  const s = fakeStream(true, 30);
  const clock = { t: 0 };
  const p = new Progress(s, { enabled: true, label: 'goconc', now: () => clock.t });
  p.start(1000);
  clock.t = 1000;
  p.tick(10);
  p.done();
  assert.ok(s.written.length === 2);
  assert.ok(s.written[0]!.replace('\r\x1b[2K', '').length <= 29);
});

test('line() shows counts without a total', () => {
  const s = fakeStream(true);
  const clock = { t: 0 };
  const p = new Progress(s, { enabled: true, label: 'goconc', now: () => clock.t });
  p.start(0);
  p.tick(5);
  assert.equal(p.line(1000), 'goconc  5 files  5 files/s');
  p.done();
});
