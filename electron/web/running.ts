import type { Core } from '../core/core';

/**
 * What the host is doing right now (calls and uploads), so stopping can cancel their jobs and
 * wait for them to settle before the database closes.
 */
export class Running {
  private readonly work = new Map<Promise<unknown>, string | undefined>();

  /** Runs `task`, remembering it (and its job id, when it has one) until it settles. */
  track<T>(task: Promise<T>, jobId?: string): Promise<T> {
    const settled = task.finally(() => this.work.delete(settled));
    this.work.set(settled, jobId);
    return settled;
  }

  /** Cancels every job under way and waits (at most `timeoutMs`) for all work to settle. */
  async stop(core: Core, timeoutMs: number): Promise<void> {
    for (const jobId of this.work.values()) if (jobId) core.jobs.cancel(jobId);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.work.keys()]), timeout]);
    clearTimeout(timer);
  }
}
