/**
 * Where the parse phase's time goes, stage by stage, in one thread: reading and decoding,
 * tree-sitter's parse, the cursor walk into flat arrays (what a worker does), then the
 * conversion to GoFiles kept in memory (what the main thread does). For comparison it
 * also times what cloning the GoFiles across threads would cost (serialise in a worker,
 * deserialise on the main thread), the design this replaced. Each stage runs over all
 * files in turn, so the figures are CPU seconds of that stage alone (the parse is repeated
 * where a later stage needs a fresh tree: subtract it).
 *
 *   node dist/scripts/parse-stages.js <tree> [maxFiles]
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { discoverWorkspace } from '../src/workspace/discover.js';
import { parseTreeOnly } from '../src/syntax/parse.js';
import { convertFlat, flattenForConversion, type FlatSource } from '../src/syntax/convert.js';
import { packTree, unpackTree } from '../src/syntax/flat-wire.js';
import { decodeGoSource } from '../src/syntax/source-text.js';
import { noteTreeReleased } from '../src/syntax/native-memory.js';
import type { GoFile } from '../src/syntax/ast.js';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
const cpuS = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function stage(name: string, n: number, fn: (i: number) => void): Promise<void> {
  const t = cpuS();
  for (let i = 0; i < n; i++) {
    fn(i);
    if (i % 50 === 0) await turn();
  }
  process.stdout.write(`${name.padEnd(28)} ${(cpuS() - t).toFixed(2)} s CPU\n`);
}

async function main(): Promise<void> {
  const [tree, max] = process.argv.slice(2);
  if (!tree) throw new Error('usage: parse-stages <tree> [maxFiles]');
  const ws = await discoverWorkspace([tree], { cwd: process.cwd(), includeTests: true });
  const files = ws.packages.flatMap((p) => p.files).slice(0, max ? Number(max) : undefined);
  const bytes: Buffer[] = [];
  const sources: string[] = [];
  await stage('read', files.length, (i) => { bytes.push(readFileSync(files[i]!.absPath)); });
  await stage('decode', files.length, (i) => {
    const d = decodeGoSource(bytes[i]!);
    sources.push(d.ok ? d.text : '');
  });
  const parse = (i: number) => {
    const t = parseTreeOnly(sources[i]!);
    noteTreeReleased(sources[i]!.length);
    return t;
  };
  await stage('tree-sitter parse', files.length, (i) => { parse(i); });
  let nodes = 0;
  const flats: FlatSource[] = [];
  await stage('parse + flatten + pack', files.length, (i) => {
    const f = flattenForConversion(parse(i), sources[i]!);
    nodes += f.flat.count;
    flats.push({ flat: unpackTree(packTree(f.flat)), comments: f.comments });
  });
  const out: GoFile[] = [];
  await stage('convert, GoFiles kept', files.length, (i) => { out.push(convertFlat(flats[i]!, sources[i]!, files[i]!.relPath)); });
  flats.length = 0;
  const wire: Buffer[] = [];
  let wireBytes = 0;
  await stage('(old) serialize GoFile', files.length, (i) => {
    const b = serialize(out[i]);
    wireBytes += b.length;
    wire.push(b);
  });
  out.length = 0;
  await stage('(old) deserialize GoFile', files.length, (i) => { out.push(deserialize(wire[i]!) as GoFile); });
  const heap = process.memoryUsage().heapUsed;
  process.stdout.write(`${files.length} files, ${sources.reduce((n, s) => n + s.length, 0)} chars, ${nodes} flat nodes, ` +
    `${(wireBytes / 1048576).toFixed(0)} MB cloned, heap with all GoFiles ${(heap / 1048576).toFixed(0)} MB\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`parse-stages: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
