import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../../electron/core/evidence/progress';

describe('throttleProgress', () => {
  it('reports every 1 % when the clock does not move, then the final total', () => {
    const reports: [number, number][] = [];
    const progress = throttleProgress(
      10_000,
      (done, total) => reports.push([done, total]),
      () => 0,
    );
    for (let done = 10; done <= 10_000; done += 10) progress.update(done);
    progress.finish(10_000);
    // 1000 updates, one report per 100 bytes (1 %), plus the final one.
    expect(reports).toHaveLength(101);
    expect(reports[0]).toEqual([100, 10_000]);
    expect(reports.at(-1)).toEqual([10_000, 10_000]);
  });

  it('reports every 100 ms when progress is slower than 1 % per 100 ms', () => {
    let now = 0;
    const reports: number[] = [];
    const progress = throttleProgress(
      1_000_000,
      (done) => reports.push(done),
      () => now,
    );
    for (let done = 1; done <= 100; done++) {
      now += 20;
      progress.update(done);
    }
    // 100 updates 20 ms apart over 2 s: one report every 5 updates.
    expect(reports).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100]);
  });

  it('reports a file that grew while read with a total no smaller than what was done', () => {
    const reports: [number, number][] = [];
    const progress = throttleProgress(
      100,
      (done, total) => reports.push([done, total]),
      () => 0,
    );
    progress.update(150);
    progress.finish(200);
    expect(reports).toEqual([
      [150, 150],
      [200, 200],
    ]);
  });
});
