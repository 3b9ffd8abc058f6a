/** The workspace layer's public surface: what to scan and for which targets. */
export { discoverWorkspace, importPathOf } from './discover.js';
export { DEFAULT_TARGETS, is32Bit } from './targets.js';
export {
  parseBuildExpr,
  evalBuildExpr,
  parsePlusBuildLine,
  fileNameTargets,
  matchTag,
  goMinorVersion,
  type BuildExpr,
} from './constraints.js';
export { fileTargets, evaluateFileConstraints, scanFileHeader } from './header.js';
export { parseGoMod, parseGoWork } from './gomod.js';
export type { Target, GoModule, SourceFileRef, PackageRef, Workspace, DiscoverOptions } from './types.js';
