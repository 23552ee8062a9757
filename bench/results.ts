/** The figures → headline numbers, targets with pass/fail, and the printed table. Pure. */
import type { AutosaveFigure } from './figures/autosave';
import type { DossierFigure } from './figures/dossier';
import type { IngestFigure } from './figures/ingest';
import type { OpenProjectFigure } from './figures/open-project';
import type { VerifyFigure } from './figures/verify';
import { round } from './stats';

export interface Figures {
  ingest?: IngestFigure;
  dossier?: DossierFigure;
  verify?: VerifyFigure;
  autosave?: AutosaveFigure;
  openProject?: OpenProjectFigure;
}

export interface TargetRow {
  figure: string;
  measured: string;
  reference: string;
  target: string;
  /** null: report only (no target), or the figure did not run. */
  pass: boolean | null;
}

/** The headline fields of bench-results.json (null where a figure did not run). */
export function headline(f: Figures) {
  return {
    evidenceIngestRatio: round(f.ingest?.ratio ?? Number.NaN),
    evidenceIngestExtraRssMiB: round(f.ingest?.ours.peakRssDeltaMiB ?? Number.NaN, 1),
    dossierVsChromiumRatio: round(f.dossier?.ratio ?? Number.NaN),
    verifyVsPdfsigRatio: round(f.verify?.ratio ?? Number.NaN),
    autosaveP50Ms: round(f.autosave?.ours.p50 ?? Number.NaN),
    autosaveP99Ms: round(f.autosave?.ours.p99 ?? Number.NaN),
    openProjectMs: round(f.openProject?.medianMs ?? Number.NaN, 1),
    dossierPeakRssMiB: round(f.dossier?.ours.peakRssMiB ?? Number.NaN, 1),
    dossierPages: f.dossier?.ours.pages ?? null,
    dossierBytes: f.dossier?.ours.bytes ?? null,
  };
}

const n = (value: number | undefined, digits = 2): string =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const ms = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value)
    ? '—'
    : value >= 1000
      ? `${(value / 1000).toFixed(2)} s`
      : `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** One row per target of the issue, measured against its reference from the same run. */
export function targetRows(f: Figures, errors: Record<string, string> = {}): TargetRow[] {
  const failed = (key: string) => (errors[key] ? `error: ${errors[key]!.slice(0, 60)}` : 'not run');
  const { ingest, dossier, verify, autosave, openProject } = f;
  return [
    {
      figure: 'Evidence ingest (copy + SHA-256 + fsync) of the large file',
      measured: ingest ? `${n(ingest.ours.medianMiBps, 0)} MiB/s = ${n(ingest.ratio)} × sha256sum` : failed('ingest'),
      reference: ingest
        ? `sha256sum ${n(ingest.sha256sum.medianMiBps, 0)} MiB/s (dd copy+fsync ${n(ingest.ddCopyFsyncMiBps, 0)}, our hash only ${n(ingest.hashOnlyMiBps, 0)})`
        : 'sha256sum',
      target: '≥ 0.9 × throughput',
      pass: ingest ? ingest.ratio >= 0.9 : null,
    },
    {
      figure: 'Evidence ingest: extra memory',
      measured: ingest
        ? `${n(ingest.ours.peakRssDeltaMiB, 1)} MiB above ${n(ingest.ours.baselineRssMiB, 0)} MiB`
        : failed('ingest'),
      reference: ingest ? `sha256sum max RSS ${n(ingest.sha256sum.maxRssMiB, 1)} MiB` : '—',
      target: '< 64 MiB',
      pass: ingest ? ingest.ours.peakRssDeltaMiB < 64 : null,
    },
    {
      figure: 'Dossier: generate + sign (dossier:generate)',
      measured: dossier
        ? `${ms(dossier.ours.wall.p50)}, ${dossier.ours.pages} pages, ${n(dossier.ours.pagesPerSecond, 1)} pages/s, ${n(dossier.ours.bytesPerPage / 1024, 1)} KiB/page; Chromium ÷ ours = ${n(dossier.ratio)}`
        : failed('dossier'),
      reference: dossier
        ? `Chromium --print-to-pdf ${ms(dossier.chromium.wall.p50)}, ${dossier.chromium.pages} pages, ${n(dossier.chromium.pagesPerSecond, 1)} pages/s, ${n(dossier.chromium.bytesPerPage / 1024, 1)} KiB/page`
        : 'Chromium --print-to-pdf',
      target: '≥ 3 × faster',
      pass: dossier ? dossier.ratio >= 3 : null,
    },
    {
      figure: 'Verifying that dossier (read + verifyPdf)',
      measured: verify
        ? `${ms(verify.readFileMs + verify.verifyPdf.p50)} = ${n(verify.ratio)} × pdfsig`
        : failed('verify'),
      reference: verify
        ? `pdfsig ${ms(verify.pdfsig.p50)}${verify.cli ? ` (as a process too: adsg verify ${ms(verify.cli.p50)})` : ''}`
        : 'pdfsig',
      target: '≤ 1.5 × its time',
      pass: verify ? verify.ratio <= 1.5 : null,
    },
    {
      figure: `Answer autosave (answers:save), ${autosave ? `${autosave.answersStored.toLocaleString('en-US')} answers stored` : ''}`,
      measured: autosave ? `p50 ${ms(autosave.ours.p50)}, p99 ${ms(autosave.ours.p99)}` : failed('autosave'),
      reference: autosave
        ? `raw upsert, same file + pragmas (WAL, synchronous=FULL): p50 ${ms(autosave.rawUpsert.p50)}, p99 ${ms(autosave.rawUpsert.p99)}; raw upsert + trail row: p50 ${ms(autosave.rawUpsertPlusTrail.p50)}, p99 ${ms(autosave.rawUpsertPlusTrail.p99)}; fdatasync p50 ${ms(autosave.fdatasync.p50)}, p99 ${ms(autosave.fdatasync.p99)}; CPU-only task (128 KiB SHA-256) p50 ${ms(autosave.cpuOnly.p50)}, p99 ${ms(autosave.cpuOnly.p99)}`
        : 'raw better-sqlite3 upsert',
      target: 'p99 < 2 ms',
      pass: autosave ? autosave.ours.p99 < 2 : null,
    },
    {
      figure: 'Opening the largest project (rules:forProject + workspace:get)',
      measured: openProject
        ? `${ms(openProject.medianMs)} (pack ${ms(openProject.rulesForProject.p50)}, workspace ${ms(openProject.workspaceGet.p50)})`
        : failed('openProject'),
      reference: '—',
      target: '< 100 ms',
      pass: openProject ? openProject.medianMs < 100 : null,
    },
    {
      figure: 'Peak RSS of the dossier job (whole process)',
      measured: dossier
        ? `${n(dossier.ours.peakRssMiB, 0)} MiB (+${n(dossier.ours.peakRssDeltaMiB, 0)} MiB over ${n(dossier.ours.baselineRssMiB, 0)} MiB before)`
        : failed('dossier'),
      reference: dossier
        ? `Chromium's largest process ${n(Math.max(...dossier.chromium.runs.map((r) => r.maxRssMiB)), 0)} MiB`
        : '—',
      target: 'report',
      pass: null,
    },
  ];
}

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'PASS' : 'FAIL');

/** The targets as a Markdown table (what `npm run bench` prints and docs/benchmarks.md keeps). */
export function markdownTable(rows: TargetRow[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| figure | measured | reference in the same run | target | result |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.figure)} | ${cell(r.measured)} | ${cell(r.reference)} | ${cell(r.target)} | ${verdict(r.pass)} |`,
    ),
  ].join('\n');
}
