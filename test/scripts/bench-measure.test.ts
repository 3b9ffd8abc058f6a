import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuTicksFromProcStat, parseGnuTimeOutput, peakRssKbFromProcStatus, runMeasured } from '../../scripts/bench-measure.js';

const GNU_TIME_REPORT = `Command exited with non-zero status 1
\tCommand being timed: "node bin/goconc.js scan corpus"
\tUser time (seconds): 12.34
\tSystem time (seconds): 1.50
\tPercent of CPU this job got: 180%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:07.70
\tMaximum resident set size (kbytes): 524288
\tExit status: 1
`;

test('GNU time -v report: user, sys, peak RSS and exit status', () => {
  assert.deepEqual(parseGnuTimeOutput(GNU_TIME_REPORT), { userS: 12.34, sysS: 1.5, maxRssKb: 524288, exitStatus: 1, signal: null });
});

test('GNU time -v report of a killed command: the signal, not its "Exit status: 0"', () => {
  const killed = GNU_TIME_REPORT.replace('Command exited with non-zero status 1', 'Command terminated by signal 6').replace('Exit status: 1', 'Exit status: 0');
  assert.deepEqual(parseGnuTimeOutput(killed), { userS: 12.34, sysS: 1.5, maxRssKb: 524288, exitStatus: null, signal: 6 });
});

test('text that is not a GNU time report gives null', () => {
  assert.equal(parseGnuTimeOutput('real 0m1.0s\nuser 0m0.5s\nsys 0m0.1s\n'), null);
  assert.equal(parseGnuTimeOutput(GNU_TIME_REPORT.replace(/\tMaximum.*\n/, '')), null);
});

test('/proc/<pid>/stat: utime + stime + cutime + cstime, even with spaces and parens in the name', () => {
  // Fields 14..17 are 100, 20, 7, 3.
  const stat = '4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 500 0 0 0 100 20 7 3 20 0 1 0 12345 1000000 250 18446744073709551615';
  assert.equal(cpuTicksFromProcStat(stat), 130);
  assert.equal(cpuTicksFromProcStat('garbage'), null);
});

test('/proc/<pid>/status: VmHWM in kB', () => {
  assert.equal(peakRssKbFromProcStatus('Name:\tnode\nVmPeak:\t 900000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100000 kB\n'), 123456);
  assert.equal(peakRssKbFromProcStatus('Name:\tnode\n'), null);
});

test('runMeasured measures a real child: CPU it burned, memory it touched, its exit code', async () => {
  // The child burns 0.3 s of its own CPU, not 0.3 s of wall time: on a loaded machine a
  // wall-clock loop gets too little CPU to measure.
  const script = 'const b = Buffer.alloc(64 * 1024 * 1024, 1); let x = 0; while (process.cpuUsage().user < 300_000) x++; process.exit(b[0] === 1 ? 3 : 0)';
  const m = await runMeasured({ command: process.execPath, args: ['-e', script], cwd: process.cwd() });
  assert.equal(m.exitCode, 3);
  assert.equal(m.timedOut, false);
  assert.ok(m.wallS >= 0.3, `wall ${m.wallS}`);
  assert.ok(m.cpuS !== null && m.cpuS >= 0.2, `cpu ${m.cpuS}`);
  assert.ok(m.peakRssMb !== null && m.peakRssMb >= 64, `rss ${m.peakRssMb}`);
});

test('runMeasured reports a command that dies of a signal as such', async () => {
  const m = await runMeasured({ command: process.execPath, args: ['-e', "process.kill(process.pid, 'SIGABRT')"], cwd: process.cwd() });
  assert.equal(m.exitCode, null);
  assert.match(m.signal ?? '', /6|SIGABRT/);
});

test('runMeasured kills a command that outlives its timeout, grandchildren included', async () => {
  const script = "require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'inherit' }); setTimeout(() => {}, 60000)";
  const started = Date.now();
  const m = await runMeasured({ command: process.execPath, args: ['-e', script], cwd: process.cwd(), timeoutMs: 500 });
  assert.equal(m.timedOut, true);
  assert.ok(Date.now() - started < 10_000);
});
