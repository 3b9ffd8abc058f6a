/**
 * Runs one command as a child process and measures it: wall time (our own clock), CPU time
 * (user + sys) and peak RSS.
 *
 * Why GNU time first: its figures come from wait4(), so CPU time includes every descendant
 * the command waited for (go vet's vet and compile processes, for instance) and nothing is
 * lost between polls. Peak RSS from wait4 is the largest single process, not a sum.
 * Without /usr/bin/time we poll /proc/<pid>/stat and /proc/<pid>/status of the direct
 * child: CPU then includes only children it already reaped, and the last few
 * milliseconds are missed, so those figures are marked "polled".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunSpec {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the whole process group after this long; undefined = no limit. */
  timeoutMs?: number;
}

export interface Measurement {
  wallS: number;
  userS: number | null;
  sysS: number | null;
  cpuS: number | null;
  peakRssMb: number | null;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** "gnu-time" or "polled" (see the module comment). */
  method: 'gnu-time' | 'polled';
  /** The last few KB of each stream, for error messages. */
  stdoutTail: string;
  stderrTail: string;
}

/** What GNU `time -v` reports that we use. */
export interface GnuTimeFigures {
  userS: number;
  sysS: number;
  maxRssKb: number;
  exitStatus: number | null;
  /** Set when the command was killed by a signal (GNU time then says "Exit status: 0"). */
  signal: number | null;
}

/** Parses the report of GNU `time -v`; null when the text is not such a report. */
export function parseGnuTimeOutput(text: string): GnuTimeFigures | null {
  const field = (label: string): number | null => {
    const re = new RegExp(`^\\s*${label.replace(/[()]/g, '\\$&')}:\\s*([0-9.]+)\\s*$`, 'm');
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  const userS = field('User time (seconds)');
  const sysS = field('System time (seconds)');
  const maxRssKb = field('Maximum resident set size (kbytes)');
  if (userS === null || sysS === null || maxRssKb === null) return null;
  const killed = /^Command terminated by signal (\d+)/m.exec(text);
  return { userS, sysS, maxRssKb, exitStatus: killed ? null : field('Exit status'), signal: killed ? Number(killed[1]) : null };
}

/** utime + stime + cutime + cstime, in clock ticks, from /proc/<pid>/stat. */
export function cpuTicksFromProcStat(stat: string): number | null {
  // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const rest = stat.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const ticks = [14, 15, 16, 17].map((n) => Number(rest[n - 3]));
  return ticks.every(Number.isFinite) ? ticks.reduce((a, b) => a + b, 0) : null;
}

/** VmHWM (peak resident set) in kB from /proc/<pid>/status. */
export function peakRssKbFromProcStatus(status: string): number | null {
  const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

const GNU_TIME = '/usr/bin/time';
const TAIL_BYTES = 8192;

let gnuTimeUsable: boolean | undefined;

/** /usr/bin/time exists and is GNU time (busybox and BSD time have no -v report to parse). */
function hasGnuTime(): boolean {
  if (gnuTimeUsable !== undefined) return gnuTimeUsable;
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return (gnuTimeUsable = true);
  } catch {
    return (gnuTimeUsable = false);
  }
}

/** Process groups still running, so an interrupted bench can end them (they are detached). */
const running = new Set<number>();

/** Kills every measured command still running (call from SIGINT/SIGTERM handlers). */
export function killRunningChildren(): void {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  running.clear();
}

export async function runMeasured(spec: RunSpec): Promise<Measurement> {
  if (hasGnuTime()) {
    const result = await runWithGnuTime(spec);
    if (result !== null) return result;
    gnuTimeUsable = false; // not GNU time after all: fall back from now on
  }
  return runPolled(spec);
}

async function runWithGnuTime(spec: RunSpec): Promise<Measurement | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goconc-bench-time-'));
  const report = path.join(dir, 'time.txt');
  try {
    const raw = await spawnTimed(GNU_TIME, ['-v', '-o', report, spec.command, ...spec.args], spec, () => undefined);
    let text = '';
    try { text = fs.readFileSync(report, 'utf8'); } catch { /* killed before it wrote */ }
    const figures = parseGnuTimeOutput(text);
    if (figures === null && !raw.timedOut) {
      // Not GNU time (or it failed to run the command): the caller falls back to polling.
      if (/unrecognized|illegal|invalid option/i.test(raw.stderrTail)) return null;
    }
    return {
      ...raw,
      userS: figures?.userS ?? null,
      sysS: figures?.sysS ?? null,
      cpuS: figures ? figures.userS + figures.sysS : null,
      peakRssMb: figures ? figures.maxRssKb / 1024 : null,
      // GNU time exits with the command's status; "Exit status" in the report says the same.
      exitCode: figures ? figures.exitStatus : raw.exitCode,
      signal: figures?.signal != null ? `signal ${figures.signal}` : raw.signal,
      method: 'gnu-time',
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runPolled(spec: RunSpec): Promise<Measurement> {
  const ticksPerS = clockTicksPerSecond();
  let lastTicks: number | null = null;
  let peakKb: number | null = null;
  const raw = await spawnTimed(spec.command, spec.args, spec, (pid) => {
    try {
      lastTicks = cpuTicksFromProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) ?? lastTicks;
      const kb = peakRssKbFromProcStatus(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (kb !== null) peakKb = Math.max(peakKb ?? 0, kb);
    } catch { /* exited between polls */ }
  });
  const cpuS = lastTicks === null ? null : lastTicks / ticksPerS;
  return { ...raw, userS: null, sysS: null, cpuS, peakRssMb: peakKb === null ? null : peakKb / 1024, method: 'polled' };
}

function clockTicksPerSecond(): number {
  // Linux has used 100 on every common architecture for decades; getconf would need a shell.
  return 100;
}

interface RawRun {
  wallS: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdoutTail: string;
  stderrTail: string;
}

/** Spawns in its own process group (so a timeout kills grandchildren too) and keeps stream tails. */
function spawnTimed(command: string, args: string[], spec: RunSpec, poll: (pid: number) => void): Promise<RawRun> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdoutTail = '';
    let stderrTail = '';
    child.stdout.on('data', (d: Buffer) => { stdoutTail = (stdoutTail + d.toString('utf8')).slice(-TAIL_BYTES); });
    child.stderr.on('data', (d: Buffer) => { stderrTail = (stderrTail + d.toString('utf8')).slice(-TAIL_BYTES); });
    let timedOut = false;
    const killGroup = (): void => {
      try { if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const timer = spec.timeoutMs === undefined ? null : setTimeout(() => { timedOut = true; killGroup(); }, spec.timeoutMs);
    const poller = child.pid === undefined ? null : setInterval(() => poll(child.pid!), 50);
    if (child.pid !== undefined) running.add(child.pid);
    let finished = false;
    const finish = (exitCode: number | null, signal: string | null): void => {
      if (finished) return;
      finished = true;
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      if (timer) clearTimeout(timer);
      if (poller) clearInterval(poller);
      if (child.pid !== undefined) running.delete(child.pid);
      resolve({ wallS, exitCode, signal, timedOut, stdoutTail, stderrTail });
    };
    child.on('error', (err) => { stderrTail += `\n${err.message}`; finish(null, null); });
    child.on('close', (code, signal) => finish(code, signal));
  });
}
