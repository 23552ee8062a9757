/** Opening the largest project as the renderer does: `rules:forProject`, then `workspace:get`, through dispatch. */
import type { Core } from '../../electron/core/core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { summarise, type Summary } from '../stats';

export interface OpenProjectFigure {
  /** Median of rules:forProject + workspace:get, one after the other (ms). */
  medianMs: number;
  total: Summary;
  rulesForProject: Summary;
  workspaceGet: Summary;
  workspaceJsonBytes: number;
}

async function timed(core: Core, channel: string, input: unknown): Promise<{ ms: number; value: unknown }> {
  const started = performance.now();
  const result = await dispatch(core, channel, input);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return { ms, value: result.value };
}

export async function benchOpenProject(
  core: Core,
  projectId: string,
  runs: number,
  warmup = 2,
): Promise<OpenProjectFigure> {
  const rules: number[] = [];
  const workspace: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const a = await timed(core, 'rules:forProject', { projectId });
    const b = await timed(core, 'workspace:get', { projectId });
    if (i < warmup) continue;
    rules.push(a.ms);
    workspace.push(b.ms);
    // What crosses the IPC boundary (structured clone, roughly its JSON size), once.
    if (i === warmup) bytes = JSON.stringify(b.value).length + JSON.stringify(a.value).length;
  }
  const total = rules.map((r, i) => r + workspace[i]!);
  const summary = summarise(total);
  return {
    medianMs: summary.p50,
    total: summary,
    rulesForProject: summarise(rules),
    workspaceGet: summarise(workspace),
    workspaceJsonBytes: bytes,
  };
}
