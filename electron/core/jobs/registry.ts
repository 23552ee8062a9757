/** Long jobs under way, by the id the renderer chose, so `jobs:cancel` can reach them. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` with an AbortSignal registered under `jobId` until it settles. */
  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (this.running.get(jobId) === controller) this.running.delete(jobId);
    }
  }

  /** True when a job with that id was running and has been told to stop. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }
}
