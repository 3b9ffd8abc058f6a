import type { Diagnostic } from '../core/findings.js';

/** A GOOS/GOARCH pair a file may be built for. */
export interface Target {
  goos: string;
  goarch: string;
}

export interface GoModule {
  /** Absolute folder holding go.mod. */
  dir: string;
  /** Module path from the `module` directive. */
  path: string;
  /** The `go` directive ("1.21", "1.22.3"), or null when absent. */
  goVersion: string | null;
}

export interface SourceFileRef {
  absPath: string;
  /** Relative to the scan's working directory, `/`-separated. */
  relPath: string;
  isTest: boolean;
  /** The targets (from the workspace's target list) this file can build for. Never empty:
   * files that build for no known target are dropped with a diagnostic-free skip. */
  targets: Target[];
  /** true when the file can build for at least one 32-bit target (386, arm, mips, mipsle, ...). */
  builds32: boolean;
}

export interface PackageRef {
  /** Absolute folder. */
  dir: string;
  /** Relative folder, `/`-separated ("." for the working directory). */
  relDir: string;
  /** Import path: module path + folder inside the module, or the relative folder when
   * outside any module. */
  importPath: string;
  module: GoModule | null;
  files: SourceFileRef[];
}

export interface Workspace {
  cwd: string;
  modules: GoModule[];
  packages: PackageRef[];
  /** Unreadable folders, symlink loops, unreadable go.mod, ... */
  diagnostics: Diagnostic[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Include `_test.go` files (default true). */
  includeTests: boolean;
}
