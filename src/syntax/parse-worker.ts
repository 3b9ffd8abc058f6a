/**
 * Piscina worker: parses one file per task. Each worker thread keeps its own
 * tree-sitter Parser (see parse.ts).
 */
import { parseFileSync, type ParseOutcome } from './parse-file.js';

export interface ParseTask {
  absPath: string;
  relPath: string;
}

export default function parseTask(task: ParseTask): ParseOutcome {
  return parseFileSync(task.absPath, task.relPath);
}
