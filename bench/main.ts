/**
 * `npm run bench`: builds the synthetic large audit in a temp folder and measures each hot path
 * against its reference in the same run; prints the table and writes bench-results.json.
 * Bundled and started by bench/run.mjs (options are passed through; see `--help`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { DossierLang } from '../electron/core/dossier/build-model';
import { setWorkersDir } from '../electron/core/jobs/workers-dir';
import { benchAutosave } from './figures/autosave';
import { benchDossier } from './figures/dossier';
import { benchIngest } from './figures/ingest';
import { benchOpenProject } from './figures/open-project';
import { benchVerify } from './figures/verify';
import { toolVersion } from './proc';
import { profiled } from './profile';
import { headline, markdownTable, targetRows, type Figures } from './results';
import { buildWorld, type BenchWorld } from './setup';
import { round, MiB } from './stats';
import { activeChecklistItems, FULL_SIZE, QUICK_SIZE } from './synthetic';

const FIGURES = ['openProject', 'dossier', 'verify', 'autosave', 'ingest'] as const;
type FigureName = (typeof FIGURES)[number];

const HELP = `npm run bench [-- options]
  --quick            small audit, 64 MiB file, fewer runs (smoke test of the bench itself)
  --only a,b         figures to run: ${FIGURES.join(', ')}
  --runs N           repetitions per figure after the warm-up (default 3; quick 2)
  --ingest-mib N     size of the ingest test file (default 1024; quick 64)
  --lang L           dossier language: zh-CN | en | both (default zh-CN)
  --out FILE         results file (default bench-results.json in the repository)
  --keep             keep the temp folder (data, PDFs, HTML) for inspection
  --profile          write a CPU profile of the main thread per figure to .cache/bench/prof/
                     (summarise: node bench/cpuprofile-top.mjs FILE); \`--cpu-prof\` profiles workers too`;

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const quick = argv.includes('--quick');
  const only = value('--only')?.split(',') ?? [...FIGURES];
  for (const name of only)
    if (!(FIGURES as readonly string[]).includes(name))
      throw new Error(`Unknown figure "${name}" (known: ${FIGURES.join(', ')})`);
  return {
    help: argv.includes('--help'),
    quick,
    only: new Set(only as FigureName[]),
    runs: Number(value('--runs') ?? (quick ? 2 : 3)),
    ingestBytes: Number(value('--ingest-mib') ?? (quick ? 64 : 1024)) * MiB,
    lang: (value('--lang') ?? 'zh-CN') as DossierLang,
    repo: resolve(value('--repo') ?? process.cwd()),
    workersDir: value('--workers-dir'),
    out: value('--out'),
    keep: argv.includes('--keep'),
    profileDir: argv.includes('--profile')
      ? join(resolve(value('--repo') ?? process.cwd()), '.cache', 'bench', 'prof')
      : undefined,
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  const log = (line: string) => console.log(line);
  if (args.workersDir) setWorkersDir(args.workersDir);
  const workDir = mkdtempSync(join(tmpdir(), 'adsg-bench-'));
  // The temp folder (with the large file) goes whatever happens, Ctrl-C included.
  const cleanup = () => {
    if (!args.keep) rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });

  const size = args.quick ? QUICK_SIZE : FULL_SIZE;
  const figures: Figures = {};
  const errors: Record<string, string> = {};
  const seconds: Record<string, number> = {};
  const loadStart = loadavg();
  let world: BenchWorld | undefined;
  try {
    log(
      `ADSG bench: ${size.items} items, ${size.flows} flows, ${size.evidence} evidence rows, ${size.storedAnswers.toLocaleString('en-US')} answers stored; work folder ${workDir}`,
    );
    log(`load average at start: ${loadStart.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} CPUs`);
    const t0 = performance.now();
    world = await buildWorld({ workDir, distRules: join(args.repo, 'dist', 'rules'), size, log });
    seconds.setup = (performance.now() - t0) / 1000;
    const measure = async <K extends FigureName>(name: K, work: () => Promise<NonNullable<Figures[K]>>) => {
      if (!args.only.has(name)) return;
      log(`▶ ${name}`);
      const t = performance.now();
      try {
        figures[name] = (await profiled(args.profileDir, name, work)) as never;
      } catch (error) {
        errors[name] = (error as Error).stack ?? String(error);
        log(`  ${name} failed: ${(error as Error).message}`);
      }
      seconds[name] = (performance.now() - t) / 1000;
    };
    const w = world;
    const items = activeChecklistItems(w.pack).map((i) => i.id);
    await measure('openProject', () => benchOpenProject(w.core, w.project.id, args.quick ? 5 : 15));
    await measure('dossier', () =>
      benchDossier(w, {
        workDir,
        fontsDir: join(args.repo, 'assets', 'fonts'),
        runs: args.runs,
        lang: args.lang,
        keep: args.keep,
        log,
      }),
    );
    if (args.only.has('verify') && !figures.dossier) errors.verify = 'needs the dossier figure (its signed PDF)';
    else {
      const cliScript = join(args.repo, 'dist', 'cli', 'adsg.cjs');
      const cli = existsSync(cliScript) ? { script: cliScript, dataDir: join(workDir, 'cli-data') } : undefined;
      await measure('verify', () => benchVerify(join(workDir, 'dossier.pdf'), args.quick ? 3 : 7, { cli }));
    }
    await measure('autosave', () =>
      benchAutosave(w.core, w.project.id, items, { rounds: args.quick ? 3 : 10, perRound: 100, warmup: 100 }),
    );
    await measure('ingest', () => benchIngest({ workDir, bytes: args.ingestBytes, runs: args.runs, log }));
  } finally {
    world?.core.close();
    cleanup();
  }

  const rows = targetRows(figures, errors);
  const results = {
    format: 'adsg-bench/1',
    measuredAt: new Date().toISOString(),
    ...headline(figures),
    targets: Object.fromEntries(
      (
        [
          'evidenceIngest',
          'evidenceIngestMemory',
          'dossierVsChromium',
          'verifyVsPdfsig',
          'autosaveP99',
          'openProject',
          'dossierPeakRss',
        ] as const
      ).map((key, i) => [key, { ...rows[i]!, pass: rows[i]!.pass }]),
    ),
    size,
    world: world && { counts: world.counts, otherProjects: world.otherProjects, setupSeconds: world.seconds },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 1024 ** 3, 1),
      freeMemoryGiBAtEnd: round(freemem() / 1024 ** 3, 1),
      platform: `${process.platform} ${release()}`,
      node: process.version,
      loadAverageStart: loadStart.map((l) => round(l, 2)),
      loadAverageEnd: loadavg().map((l) => round(l, 2)),
      chromium: toolVersion('chromium'),
      pdfsig: toolVersion('pdfsig', ['-v']),
      sha256sum: toolVersion('sha256sum'),
    },
    options: {
      quick: args.quick,
      runs: args.runs,
      lang: args.lang,
      ingestBytes: args.ingestBytes,
      only: [...args.only],
    },
    figures,
    errors,
    seconds: { ...seconds, total: (performance.now() - started) / 1000 },
  };
  const out = args.out ? resolve(args.out) : join(args.repo, 'bench-results.json');
  writeFileSync(
    out,
    `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
  );

  console.log(`\n${markdownTable(rows)}\n`);
  console.log(
    `machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, ${results.machine.platform}, Node ${process.version}; load ${results.machine.loadAverageStart.join(' ')} → ${results.machine.loadAverageEnd.join(' ')}`,
  );
  console.log(
    `wrote ${out} in ${results.seconds.total.toFixed(0)} s (setup ${seconds.setup?.toFixed(0)} s${FIGURES.filter(
      (f) => seconds[f] !== undefined,
    )
      .map((f) => `, ${f} ${seconds[f]!.toFixed(0)} s`)
      .join('')})`,
  );
  return Object.keys(errors).length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
