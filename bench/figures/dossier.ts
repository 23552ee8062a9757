/**
 * The dossier of the large audit, generated and signed through the real IPC handler
 * (`dossier:generate`: integrity checks, model, pdfkit in the worker job, signPdf), against headless
 * Chromium printing the same model as HTML (bench/html-report.ts) — both from the same locked revision.
 */
import { CHROMIUM_FLAGS } from '../../test/e2e/chromium-flags';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace as WorkspaceSchema } from '../../shared/ipc/channels/audit';
import { listTrail, verifyTrail } from '../../electron/core/audit-trail/trail';
import { latestAccepted } from '../../electron/core/db/repos/revisions';
import { buildDossierModel, type DossierLang } from '../../electron/core/dossier/build-model';
import { dossierJob } from '../../electron/core/dossier/dossier-job';
import type { DossierModel } from '../../electron/core/dossier/model';
import { verifyAll } from '../../electron/core/evidence/verify';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { runJob } from '../../electron/core/jobs/run-job';
import { headlessPorts, type Ports } from '../../electron/core/ports';
import { loadPinnedPack } from '../../electron/core/rules/installed';
import { signPdf, unlockIdentity } from '../../electron/core/signing';
import type { BenchWorld } from '../setup';
import { htmlReport } from '../html-report';
import { cpuMs, runTimed, withPeakRss, type ProcessRun } from '../proc';
import { median, summarise, type Summary } from '../stats';

export interface DossierRun {
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
  peakRssDeltaMiB: number;
  rssSamples: number;
}

export interface DossierFigure {
  lang: DossierLang;
  ours: {
    runs: DossierRun[];
    wall: Summary;
    medianCpuMs: number;
    pages: number;
    bytes: number;
    pagesPerSecond: number;
    bytesPerPage: number;
    peakRssMiB: number;
    peakRssDeltaMiB: number;
    baselineRssMiB: number;
  };
  /** The warm-up: the handler's pipeline step by step (same calls), for where the time goes. */
  breakdownMs: Record<string, number>;
  chromium: {
    runs: Pick<ProcessRun, 'wallMs' | 'cpuMs' | 'cpuSource' | 'maxRssMiB'>[];
    wall: Summary;
    medianCpuMs: number;
    pages: number;
    bytes: number;
    pagesPerSecond: number;
    bytesPerPage: number;
    htmlBytes: number;
    fontsEmbedded: Record<string, number>;
    flags: string[];
  };
  /** Chromium's median time ÷ ours (higher is better for us). */
  ratio: number;
  /** The same on CPU time (less sensitive to other load on the machine). */
  cpuRatio: number;
}

/** Chromium flags from DESIGN.md §10, plus what printing local files needs. */
export function chromiumFlags(userDataDir: string, out: string): string[] {
  return [
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${userDataDir}`,
    // @font-face from a file:// page is a cross-origin fetch unless file access is allowed.
    '--allow-file-access-from-files',
    '--no-pdf-header-footer',
    `--print-to-pdf=${out}`,
  ];
}

/** Pages of a PDF, from poppler's pdfinfo (or a count of page objects when it is missing). */
export function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = /Pages:\s+(\d+)/.exec(r.stdout ?? '')?.[1];
  if (pages) return Number(pages);
  return (readFileSync(file, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Font programs in a PDF by type, from poppler's pdffonts (e.g. `{ "CID Type 0C": 2 }`). */
export function fontTypes(pdffontsOutput: string): Record<string, number> {
  const [header = '', , ...rows] = pdffontsOutput.split('\n');
  const start = header.indexOf('type');
  const end = header.indexOf('encoding');
  const types: Record<string, number> = {};
  if (start < 0 || end < 0) return types;
  for (const row of rows) {
    const type = row.slice(start, end).trim();
    if (type) types[type] = (types[type] ?? 0) + 1;
  }
  return types;
}

const embeddedFonts = (file: string) => fontTypes(spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout ?? '');

/** The model the handler builds, from the same locked revision (as dossier/service.ts does). */
export async function lockedModel(
  world: BenchWorld,
  lang: DossierLang,
  timings?: Record<string, number>,
): Promise<DossierModel> {
  const { core, project } = world;
  const lap = timer(timings);
  const locked = latestAccepted(core.db, project.id)!;
  const ws = WorkspaceSchema.parse(JSON.parse(locked.snapshot));
  const pin = ws.project.rulesPack;
  const pack = await loadPinnedPack(core.rulesDir, {
    id: pin.id,
    version: pin.version!,
    contentHash: pin.contentHash!,
  });
  lap('snapshot + pinned pack');
  if (timings) {
    verifyTrail(core.db, project.id);
    lap('integrity: audit trail');
    await verifyAll(
      core.paths.evidence,
      ws.evidence.map((e) => ({ sha256: e.sha256, size: e.size, name: e.fileName })),
    );
    lap('integrity: evidence files');
  }
  const rows = listTrail(core.db, project.id).reverse();
  const end = rows.findIndex((r) => r.hash === locked.revision.trailHead);
  const upTo = end === -1 ? rows : rows.slice(0, end + 1);
  const byKind: Record<string, number> = {};
  for (const r of upTo) byKind[r.entity] = (byKind[r.entity] ?? 0) + 1;
  const trail = {
    rows: upTo.length,
    head: locked.revision.trailHead ?? '',
    first: upTo[0]?.at ?? null,
    last: upTo.at(-1)?.at ?? null,
    byKind,
  };
  lap('trail summary');
  const model = buildDossierModel({
    workspace: ws,
    revision: locked.revision,
    pack,
    trail,
    lang,
    generatedAt: core.now(),
  });
  lap('model');
  return model;
}

/** Phase timings: wall ms, and CPU ms of the whole process (the worker thread included) under `<name> cpu`. */
function timer(timings: Record<string, number> | undefined): (name: string) => void {
  let last = performance.now();
  let lastCpu = cpuMs();
  return (name) => {
    const now = performance.now();
    const cpu = cpuMs();
    if (timings) {
      timings[name] = now - last;
      timings[`${name} cpu`] = cpu - lastCpu;
    }
    last = now;
    lastCpu = cpu;
  };
}

/** One pass through the same steps as the handler, each timed. */
async function breakdown(world: BenchWorld, lang: DossierLang): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  const unlocked = timer(timings);
  const signer = await unlockIdentity(world.core.paths.identities, world.identityId, world.passphrase);
  unlocked('unlock identity');
  const model = await lockedModel(world, lang, timings);
  const lap = timer(timings);
  const rendered = await runJob(dossierJob, model);
  lap('render (worker job, incl. start and transfer)');
  const box = rendered.signatureBoxes.find((b) => b.role === 'auditor');
  await signPdf(Buffer.from(rendered.pdf), {
    signer,
    signingTime: world.core.now(),
    widget: box && { page: box.page, rect: box.rect },
  });
  lap('sign');
  return timings;
}

export async function benchDossier(
  world: BenchWorld,
  options: {
    workDir: string;
    fontsDir: string;
    runs: number;
    lang: DossierLang;
    keep?: boolean;
    log: (line: string) => void;
  },
): Promise<DossierFigure> {
  const { workDir, runs, lang, log } = options;
  const ourFile = join(workDir, 'dossier.pdf');
  const ports: Ports = { ...headlessPorts, saveFile: async () => ourFile };
  const ours = async (): Promise<DossierRun> => {
    const cpu0 = cpuMs();
    const started = performance.now();
    const sampled = await withPeakRss(() =>
      dispatch(
        world.core,
        'dossier:generate',
        {
          projectId: world.project.id,
          lang,
          identityId: world.identityId,
          passphrase: world.passphrase,
          jobId: 'bench-dossier',
        },
        ports,
      ),
    );
    const wallMs = performance.now() - started;
    if (!sampled.value.ok) throw new Error(`dossier:generate failed: ${sampled.value.error.message}`);
    return {
      wallMs,
      cpuMs: cpuMs() - cpu0,
      peakRssMiB: sampled.peakMiB,
      peakRssDeltaMiB: sampled.peakDeltaMiB,
      rssSamples: sampled.samples,
    };
  };

  const model = await lockedModel(world, lang);
  const html = htmlReport(model, { fontsDir: options.fontsDir });
  // For experiments on the renderer (bench --keep): the exact model, Buffers and Dates included.
  if (options.keep) writeFileSync(join(workDir, 'model.json'), JSON.stringify(model));
  const htmlFile = join(workDir, 'report.html');
  writeFileSync(htmlFile, html);
  const chromeOut = join(workDir, 'chromium.pdf');
  let flags: string[] = [];
  const chromium = async () => {
    const profile = mkdtempSync(join(workDir, 'chromium-profile-'));
    try {
      flags = chromiumFlags(profile, chromeOut);
      const run = await runTimed('chromium', [...flags, `file://${htmlFile}`], { timeoutMs: 180_000 });
      if (run.code !== 0 || statSync(chromeOut, { throwIfNoEntry: false })?.size === undefined)
        throw new Error(`chromium failed (${run.code}): ${run.stderr.slice(-800)}`);
      return { wallMs: run.wallMs, cpuMs: run.cpuMs, cpuSource: run.cpuSource, maxRssMiB: run.maxRssMiB };
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };

  // Warm-up: one of each (worker bundle, fonts and Chromium in the page cache); ours is the same
  // pipeline step by step, which also says where the time goes. Then alternate, so that other load
  // on the machine hits both alike.
  const breakdownMs = await breakdown(world, lang);
  await chromium();
  const ourRuns: DossierRun[] = [];
  const chromeRuns: Awaited<ReturnType<typeof chromium>>[] = [];
  for (let i = 0; i < runs; i++) {
    ourRuns.push(await ours());
    chromeRuns.push(await chromium());
    log(
      `  dossier run ${i + 1}: ours ${(ourRuns[i]!.wallMs / 1000).toFixed(2)} s, chromium ${(chromeRuns[i]!.wallMs / 1000).toFixed(2)} s`,
    );
  }

  const pages = pdfPages(ourFile);
  const bytes = statSync(ourFile).size;
  const chromePages = pdfPages(chromeOut);
  const chromeBytes = statSync(chromeOut).size;
  const wall = summarise(ourRuns.map((r) => r.wallMs));
  const chromeWall = summarise(chromeRuns.map((r) => r.wallMs));
  const medianCpu = median(ourRuns.map((r) => r.cpuMs));
  const chromeCpu = median(chromeRuns.map((r) => r.cpuMs));
  return {
    lang,
    ours: {
      runs: ourRuns,
      wall,
      medianCpuMs: medianCpu,
      pages,
      bytes,
      pagesPerSecond: pages / (wall.p50 / 1000),
      bytesPerPage: bytes / pages,
      peakRssMiB: Math.max(...ourRuns.map((r) => r.peakRssMiB)),
      peakRssDeltaMiB: Math.max(...ourRuns.map((r) => r.peakRssDeltaMiB)),
      baselineRssMiB: Math.max(...ourRuns.map((r) => r.peakRssMiB - r.peakRssDeltaMiB)),
    },
    breakdownMs,
    chromium: {
      runs: chromeRuns,
      wall: chromeWall,
      medianCpuMs: chromeCpu,
      pages: chromePages,
      bytes: chromeBytes,
      pagesPerSecond: chromePages / (chromeWall.p50 / 1000),
      bytesPerPage: chromeBytes / chromePages,
      htmlBytes: Buffer.byteLength(html),
      fontsEmbedded: embeddedFonts(chromeOut),
      flags: flags.map((f) => f.replace(/=.*/, '=…')),
    },
    ratio: chromeWall.p50 / wall.p50,
    cpuRatio: chromeCpu / medianCpu,
  };
}
