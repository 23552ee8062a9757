/**
 * What the host is doing right now (calls and uploads), each with how to cancel it, so stopping
 * can cancel everything and wait for it to settle before the database closes.
 */
export class Running {
  private readonly work = new Map<Promise<unknown>, (() => void) | undefined>();

  /** Runs `task`, remembering it and its `cancel` until it settles. */
  track<T>(task: Promise<T>, cancel?: () => void): Promise<T> {
    const settled = task.finally(() => this.work.delete(settled));
    this.work.set(settled, cancel);
    return settled;
  }

  /** Cancels everything under way and waits (at most `timeoutMs`) for it all to settle. */
  async stop(timeoutMs: number): Promise<void> {
    for (const cancel of this.work.values()) cancel?.();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.work.keys()]), timeout]);
    clearTimeout(timer);
  }
}
