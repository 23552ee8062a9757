/** See launch.mjs. */
export function nodeRuns(version?: string): boolean;
export function nodeRunsDesktop(version?: string): boolean;
export function electronBinaryPresent(root: string): boolean;
export function launch(argv: string[], root?: string): Promise<void>;
