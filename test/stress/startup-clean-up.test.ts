import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  buildFixtures,
  checkData,
  cli,
  dataProblems,
  filesUnder,
  newTrial,
  outcomeProblems,
  projectRows,
  removeFolders,
  runTrials,
  startCli,
  startHost,
  storeTemp,
  unless,
  waitFor,
  type Fixtures,
} from './helpers';

const TRIALS = 2;
/** Big enough that the copy is still running when the other processes start. */
const BIG = 192 * 1024 * 1024;

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await buildFixtures();
}, 60_000);
afterAll(() => removeFolders(fixtures));

describe('stress: start-up clean-up never touches a writer that is alive', () => {
  test('an ingest in flight survives the start of other processes (a host start-up and the CLI)', async () => {
    await runTrials('ingest vs start-up clean-up', TRIALS, async (trial) => {
      const { dataDir, tmp } = newTrial(fixtures.open);
      const big = join(tmp, '..', `capture-${trial}.bin`);
      writeFileSync(big, `trial ${trial}\n`);
      truncateSync(big, BIG);
      const before = projectRows(dataDir)[0]!.evidence;

      const ingest = startCli(dataDir, ['evidence', 'add', fixtures.openProjectId, big], tmp);
      const copying = await waitFor(() => filesUnder(storeTemp(dataDir)).some((f) => f.endsWith('.part')), 20_000);
      startHost(dataDir);
      await cli(dataDir, ['projects', 'list'], tmp);
      const r = await ingest.done;
      await cli(dataDir, ['projects', 'list'], tmp);
      const after = projectRows(dataDir)[0]!.evidence;
      return [
        ...unless(copying, 'the ingest never started copying'),
        ...outcomeProblems('ingest', r),
        ...dataProblems(checkData(dataDir, tmp)),
        ...unless(after === before + 1, `${after - before} evidence rows added`),
      ];
    });
  }, 150_000);
});
