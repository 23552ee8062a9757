import { afterAll, beforeAll, describe, test } from 'vitest';
import { DEMO_FILES } from '../../electron/core/demo/example-motors-files';
import {
  buildFixtures,
  checkData,
  cli,
  dataProblems,
  EVIDENCE_IN_BUNDLE,
  LOST_IMPORT_RACE,
  newTrial,
  outcomeProblems,
  projectRows,
  removeFolders,
  runTrials,
  seeded,
  sleep,
  startCli,
  unless,
  type Fixtures,
} from './helpers';

// Trial counts and the seed reproduced the failures of issue 10 item 7 on the code before the fix
// (docs/threat-model.md, "Concurrency and crashes"). Each trial is a fresh data folder.
const IMPORTERS = 4;
const IMPORT_TRIALS = 6;
const DEMO_TRIALS = 6;

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await buildFixtures();
}, 60_000);
afterAll(() => removeFolders(fixtures));

describe('stress: processes writing the same data folder at once', () => {
  test(`${IMPORTERS} simultaneous imports of one bundle: one wins whole, the others fail clearly, nothing is lost`, async () => {
    await runTrials('concurrent imports', IMPORT_TRIALS, async (trial) => {
      const { dataDir, tmp } = newTrial();
      // Every other trial races on a data folder that does not exist yet (creation and migration race too).
      if (trial % 2 === 1) await cli(dataDir, ['projects', 'list'], tmp);
      const runs = await Promise.all(Array.from({ length: IMPORTERS }, () => startCli(dataDir, ['bundle', 'import', fixtures.bundle], tmp).done));
      await cli(dataDir, ['projects', 'list'], tmp);
      const projects = projectRows(dataDir);
      return [
        ...runs.flatMap((r, i) => outcomeProblems(`import ${i}`, r, LOST_IMPORT_RACE)),
        ...unless(runs.filter((r) => r.code === 0).length === 1, `${runs.filter((r) => r.code === 0).length} imports exited 0`),
        ...dataProblems(checkData(dataDir, tmp)),
        ...unless(projects.length === 1 && projects[0]!.evidence === EVIDENCE_IN_BUNDLE, `projects ${JSON.stringify(projects)}`),
      ];
    });
  }, 150_000);

  test('the sample project racing an import and an import as a copy: all succeed, each project whole', async () => {
    const random = seeded(0x5eed0010);
    await runTrials('demo vs import', DEMO_TRIALS, async () => {
      const { dataDir, tmp } = newTrial();
      await cli(dataDir, ['projects', 'list'], tmp);
      const demo = startCli(dataDir, ['demo'], tmp);
      await sleep(Math.floor(random() * 700));
      const imported = startCli(dataDir, ['bundle', 'import', fixtures.bundle], tmp);
      const copied = startCli(dataDir, ['bundle', 'import', '--as-copy', fixtures.bundle], tmp);
      const runs = { demo: await demo.done, import: await imported.done, copy: await copied.done };
      await cli(dataDir, ['projects', 'list'], tmp);
      const evidence = projectRows(dataDir).map((p) => p.evidence).sort((a, b) => a - b);
      return [
        ...Object.entries(runs).flatMap(([name, r]) => outcomeProblems(name, r)),
        ...dataProblems(checkData(dataDir, tmp)),
        ...unless(evidence.join() === [DEMO_FILES.length, EVIDENCE_IN_BUNDLE, EVIDENCE_IN_BUNDLE].join(), `evidence per project ${evidence.join()}`),
      ];
    });
  }, 150_000);
});
