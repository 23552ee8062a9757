import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { DEMO_FILES } from '../../electron/core/demo/example-motors-files';
import {
  buildFixtures,
  checkData,
  cli,
  dataProblems,
  entriesIn,
  EVIDENCE_IN_BUNDLE,
  filesUnder,
  newTrial,
  outcomeProblems,
  projectRows,
  removeFolders,
  runTrials,
  seeded,
  sleep,
  startCli,
  storeTemp,
  unless,
  waitFor,
  type CliChild,
  type Fixtures,
} from './helpers';

// kill -9 at seeded random points; after each, the next start of any process must leave the data
// folder whole: integrity ok, every evidence row's file present and matching, no temp leftovers,
// and what the killed command did either complete or absent.
const TRIALS = { ingest: 3, import: 3, demo: 3, dossier: 2 };

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await buildFixtures({ accepted: true });
}, 90_000);
afterAll(() => removeFolders(fixtures));

/** Kills the child with SIGKILL `ms` after `ready` holds (or lets it be if it already exited). */
async function killAfter(run: CliChild, ready: () => boolean, ms: number) {
  await waitFor(() => ready() || run.child.exitCode !== null, 20_000);
  await sleep(ms);
  run.child.kill('SIGKILL');
  return run.done;
}

/** The next start of a process (here the CLI) must succeed and clean up; then the data folder is checked. */
async function nextStart(dataDir: string, tmp: string): Promise<string[]> {
  await cli(dataDir, ['projects', 'list'], tmp);
  return dataProblems(checkData(dataDir, tmp));
}

/** Either nothing or the whole project: `evidence` rows expected when it is there. */
function wholeOrNothing(dataDir: string, evidence: number): string[] {
  const projects = projectRows(dataDir);
  return unless(projects.length === 0 || (projects.length === 1 && projects[0]!.evidence === evidence), `projects ${JSON.stringify(projects)}`);
}

describe('stress: kill -9 at random points', () => {
  test('of an ingest: each file recorded whole or not at all, no temp file after the next start', async () => {
    const random = seeded(0x5eed0021);
    await runTrials('kill ingest', TRIALS.ingest, async (trial) => {
      const { dataDir, tmp } = newTrial(fixtures.open);
      const big = join(tmp, '..', `scan-${trial}.bin`);
      writeFileSync(big, `trial ${trial}\n`);
      truncateSync(big, 128 * 1024 * 1024);
      const small = join(tmp, '..', `note-${trial}.txt`);
      writeFileSync(small, `note ${trial}\n`);
      const before = projectRows(dataDir)[0]!.evidence;

      const run = startCli(dataDir, ['evidence', 'add', fixtures.openProjectId, small, big], tmp);
      const r = await killAfter(run, () => filesUnder(storeTemp(dataDir)).length > 0, Math.floor(random() * 400));
      const problems = [...outcomeProblems('ingest', r), ...(await nextStart(dataDir, tmp))];
      const added = projectRows(dataDir)[0]!.evidence - before;
      return [...problems, ...unless(added >= 0 && added <= 2, `${added} rows added`)];
    });
  }, 150_000);

  test('of an import: the project whole or not at all, no work folder after the next start', async () => {
    const random = seeded(0x5eed0022);
    await runTrials('kill import', TRIALS.import, async () => {
      const { dataDir, tmp } = newTrial();
      await cli(dataDir, ['projects', 'list'], tmp);
      const run = startCli(dataDir, ['bundle', 'import', fixtures.bundle], tmp);
      const working = () => entriesIn(tmp).length > 0 || entriesIn(storeTemp(dataDir)).length > 0;
      const r = await killAfter(run, working, Math.floor(random() * 250));
      return [...outcomeProblems('import', r), ...(await nextStart(dataDir, tmp)), ...wholeOrNothing(dataDir, EVIDENCE_IN_BUNDLE)];
    });
  }, 150_000);

  test('of the sample project: there whole, with its evidence, or not at all', async () => {
    const random = seeded(0x5eed0023);
    await runTrials('kill demo', TRIALS.demo, async () => {
      const { dataDir, tmp } = newTrial();
      await cli(dataDir, ['projects', 'list'], tmp);
      const run = startCli(dataDir, ['demo'], tmp);
      // Once it starts writing its evidence files (wherever it puts them), anywhere in the next 400 ms.
      const writing = () => entriesIn(tmp).length > 0 || entriesIn(storeTemp(dataDir)).length > 0;
      const r = await killAfter(run, writing, Math.floor(random() * 400));
      return [...outcomeProblems('demo', r), ...(await nextStart(dataDir, tmp)), ...wholeOrNothing(dataDir, DEMO_FILES.length)];
    });
  }, 150_000);

  test('of dossier generation: the data folder whole, the PDF complete or absent', async () => {
    const random = seeded(0x5eed0024);
    const accepted = fixtures.accepted!;
    await runTrials('kill dossier', TRIALS.dossier, async (trial) => {
      const { dataDir, tmp } = newTrial(accepted.dataDir);
      const out = join(tmp, '..', `dossier-${trial}.pdf`);
      const args = ['dossier', fixtures.openProjectId, '--out', out, '--identity', accepted.identity, '--passphrase-file', accepted.passphraseFile, '--lang', 'en'];
      const r = await killAfter(startCli(dataDir, args, tmp), () => true, 300 + Math.floor(random() * 2200));
      const pdf = existsSync(out) ? readFileSync(out, 'latin1') : undefined;
      return [
        ...outcomeProblems('dossier', r),
        ...(await nextStart(dataDir, tmp)),
        ...unless(pdf === undefined || (pdf.startsWith('%PDF-') && pdf.trimEnd().endsWith('%%EOF')), 'a partial dossier PDF'),
      ];
    });
  }, 150_000);
});
