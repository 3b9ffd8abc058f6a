/**
 * Pure figure handling for `npm run bench`: per-tool rows, ratios between tools and the
 * text table. No I/O here, so every number the bench prints can be unit tested.
 */

export type RunStatus = 'ok' | 'failed' | 'timed out' | 'skipped';

/** One tool measured on one tree. Figures are null when unknown (skipped, failed, killed). */
export interface ToolRun {
  tool: string;
  /** Role in ratios: the analyzer under test, its single-thread parse baseline, or a peer. */
  kind: 'goconc' | 'goconc-warm' | 'parse' | 'peer';
  status: RunStatus;
  /** Why it was skipped or failed, or what it reported (exit status of a peer). */
  note: string | null;
  wallS: number | null;
  cpuS: number | null;
  peakRssMb: number | null;
  files: number | null;
  lines: number | null;
  /** 1-minute load average just before the run (JSON only: a busy machine skews figures). */
  loadBefore?: number;
}

export interface Ratio {
  label: string;
  /** numerator / denominator, or null when either is missing or zero. */
  wall: number | null;
  cpu: number | null;
}

export function linesPerSecond(lines: number | null, wallS: number | null): number | null {
  if (lines === null || wallS === null || wallS <= 0) return null;
  return lines / wallS;
}

function divide(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b <= 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

/** Only finished runs count in a ratio: a killed peer's time says nothing about its speed. */
function usable(run: ToolRun | undefined): ToolRun | undefined {
  return run !== undefined && run.status === 'ok' ? run : undefined;
}

/**
 * goconc against its single-thread parse baseline, then each peer against goconc
 * (above 1: the peer took longer than goconc).
 */
export function computeRatios(runs: readonly ToolRun[]): Ratio[] {
  const goconc = usable(runs.find((r) => r.kind === 'goconc'));
  const parse = usable(runs.find((r) => r.kind === 'parse'));
  const out: Ratio[] = [];
  if (parse) {
    out.push({ label: `goconc / ${parse.tool}`, wall: divide(goconc?.wallS ?? null, parse.wallS), cpu: divide(goconc?.cpuS ?? null, parse.cpuS) });
  }
  // A skipped peer has nothing to compare; a failed or killed one shows as "-".
  for (const peer of runs.filter((r) => r.kind === 'peer' && r.status !== 'skipped')) {
    const p = usable(peer);
    out.push({ label: `${peer.tool} / goconc`, wall: divide(p?.wallS ?? null, goconc?.wallS ?? null), cpu: divide(p?.cpuS ?? null, goconc?.cpuS ?? null) });
  }
  return out;
}

/** 1234567 -> "1,234,567" (fixed separator: output must not depend on the locale). */
export function groupThousands(n: number): string {
  const s = Math.round(Math.abs(n)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** Seconds with two decimals below 10 s, one below 100 s, none above. */
export function formatSeconds(s: number | null): string {
  if (s === null) return '-';
  return s < 10 ? s.toFixed(2) : s < 100 ? s.toFixed(1) : s.toFixed(0);
}

export function formatMb(mb: number | null): string {
  return mb === null ? '-' : groupThousands(mb);
}

export function formatCount(n: number | null): string {
  return n === null ? '-' : groupThousands(n);
}

export function formatRatio(r: number | null): string {
  if (r === null) return '-';
  return r < 10 ? `${r.toFixed(2)}x` : `${r.toFixed(1)}x`;
}

const HEADERS = ['tool', 'wall s', 'CPU s', 'peak RSS MB', 'files', 'lines', 'lines/s', 'status'];

/** The table of one tree: text columns left-aligned, numbers right-aligned. */
export function formatRunTable(runs: readonly ToolRun[]): string {
  const rows = runs.map((r) => [
    r.tool,
    formatSeconds(r.wallS),
    formatSeconds(r.cpuS),
    formatMb(r.peakRssMb),
    formatCount(r.files),
    formatCount(r.lines),
    formatCount(linesPerSecond(r.lines, r.wallS)),
    r.note ? `${r.status} (${r.note})` : r.status,
  ]);
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const leftAligned = (c: number): boolean => c === 0 || c === HEADERS.length - 1;
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (leftAligned(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatRatios(ratios: readonly Ratio[]): string {
  if (ratios.length === 0) return '';
  const width = Math.max(...ratios.map((r) => r.label.length));
  return ratios.map((r) => `  ${r.label.padEnd(width)}  wall ${formatRatio(r.wall).padStart(7)}   CPU ${formatRatio(r.cpu).padStart(7)}`).join('\n');
}

/** rule -> count, sorted by rule id so the output is stable. */
export function countFindingsByRule(findings: readonly { rule: string }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryMb: number;
  platform: string;
  node: string;
  go: string | null;
}

export function formatMachine(m: MachineInfo): string {
  return [
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${groupThousands(m.totalMemoryMb)} MB RAM, ${m.platform}`,
    `node ${m.node}, ${m.go ?? 'go not installed'}`,
  ].join('\n');
}
