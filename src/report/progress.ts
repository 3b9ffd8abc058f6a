/**
 * A one-line progress bar on stderr for long scans:
 *
 *   goconc parsing [########------------]  412/1030 files  40%  820 files/s
 *
 * It stays silent unless enabled and the stream is a terminal, appears only once a scan
 * has run for ~500 ms (short scans never flicker), redraws at most ~10 times a second,
 * and erases its line when done, so the report that follows starts on a clean line.
 */

export interface ProgressOptions {
  enabled: boolean;
  label: string;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
  /** How long a scan runs before the bar shows (default 500 ms). */
  showAfterMs?: number;
  /** Minimum time between redraws (default 100 ms). */
  redrawEveryMs?: number;
}

/** The part of a stream the bar uses (process.stderr fits). */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write' | 'isTTY'> & { columns?: number };

const BAR_CELLS = 20;
const ERASE_LINE = '\r\x1b[2K';

export class Progress {
  private readonly active: boolean;
  private readonly now: () => number;
  private readonly showAfterMs: number;
  private readonly redrawEveryMs: number;
  private started = false;
  private startedAt = 0;
  /** When the current count began (start() restarts it), for the files/s rate. */
  private countStartedAt = 0;
  private total = 0;
  private count = 0;
  private phaseLabel = '';
  private lastDraw = -Infinity;
  private drawn = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stream: ProgressStream,
    private readonly opts: ProgressOptions,
  ) {
    this.active = opts.enabled && stream.isTTY === true;
    this.now = opts.now ?? (() => performance.now());
    this.showAfterMs = opts.showAfterMs ?? 500;
    this.redrawEveryMs = opts.redrawEveryMs ?? 100;
  }

  /** Starts (or restarts, for a new phase with its own count) counting towards `total`. */
  start(total: number): void {
    this.total = Math.max(0, total);
    this.count = 0;
    if (!this.active) return;
    if (!this.started) {
      this.started = true;
      this.startedAt = this.now();
    }
    this.countStartedAt = this.now();
    // Redraws while the main thread is idle (waiting on workers) even if no tick comes.
    if (this.timer === null) {
      this.timer = setInterval(() => this.maybeDraw(), this.redrawEveryMs);
      this.timer.unref();
    }
  }

  tick(n = 1): void {
    this.count += n;
    this.maybeDraw();
  }

  phase(label: string): void {
    this.phaseLabel = label;
    this.maybeDraw(true);
  }

  done(): void {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    if (this.active && this.drawn) this.stream.write(ERASE_LINE);
    this.drawn = false;
  }

  private maybeDraw(force = false): void {
    if (!this.active || !this.started) return;
    const t = this.now();
    if (t - this.startedAt < this.showAfterMs) return;
    if (!force && t - this.lastDraw < this.redrawEveryMs) return;
    this.lastDraw = t;
    this.drawn = true;
    this.stream.write(ERASE_LINE + this.line(t));
  }

  /** The bar's text, cut to the terminal's width so it never wraps. */
  line(t: number = this.now()): string {
    const parts = [this.opts.label];
    if (this.phaseLabel) parts.push(this.phaseLabel);
    if (this.total > 0) {
      const ratio = Math.min(1, this.count / this.total);
      const full = Math.round(ratio * BAR_CELLS);
      parts.push(`[${'#'.repeat(full)}${'-'.repeat(BAR_CELLS - full)}]`);
      parts.push(`${this.count}/${this.total} files`, `${Math.floor(ratio * 100)}%`);
    } else {
      parts.push(`${this.count} files`);
    }
    const elapsed = (t - this.countStartedAt) / 1000;
    if (elapsed > 0 && this.count > 0) parts.push(`${Math.round(this.count / elapsed)} files/s`);
    const text = parts.join('  ');
    const width = (this.stream.columns ?? 80) - 1;
    return width > 0 && text.length > width ? text.slice(0, width) : text;
  }
}
