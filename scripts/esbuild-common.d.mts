import type { BuildOptions } from 'esbuild';

/** See esbuild-common.mjs. */
export const nodeBundle: BuildOptions;
export function workerEntries(dir: string): string[];
