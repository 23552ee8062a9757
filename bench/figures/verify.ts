/** Verifying the signed dossier: the real `verifyPdf` (and the dossier check around it) against poppler's `pdfsig`. */
import { readFileSync } from 'node:fs';
import { verifyDossier } from '../../electron/core/dossier/verify';
import { verifyPdf } from '../../electron/core/signing';
import { runTimed } from '../proc';
import { median, summarise, type Summary } from '../stats';

export interface VerifyFigure {
  fileBytes: number;
  /** verifyPdf on the bytes in memory (the file read is timed separately). */
  verifyPdf: Summary;
  /** verifyDossier: verifyPdf plus the embedded assessment's own hash check. */
  verifyDossier: Summary;
  readFileMs: number;
  pdfsig: Summary;
  pdfsigMedianCpuMs: number;
  /** Context, like for like with pdfsig as a process: `adsg verify` (node start-up and bundle load included). */
  cli?: Summary;
  /** Our median (read + verifyPdf) ÷ pdfsig's median (lower is better for us). */
  ratio: number;
  bothSayValid: boolean;
}

export async function benchVerify(
  file: string,
  runs: number,
  options: { warmup?: number; cli?: { script: string; dataDir: string } } = {},
): Promise<VerifyFigure> {
  const warmup = options.warmup ?? 2;
  const cli: number[] = [];
  const ours: number[] = [];
  const dossier: number[] = [];
  const reads: number[] = [];
  const theirs: number[] = [];
  const theirCpu: number[] = [];
  let valid = true;
  for (let i = 0; i < warmup + runs; i++) {
    const r0 = performance.now();
    const pdf = readFileSync(file);
    const r1 = performance.now();
    const report = await verifyPdf(pdf, { trusted: [], allowUntrusted: true });
    const r2 = performance.now();
    const check = await verifyDossier(pdf, 'dossier.pdf', [], { allowUntrusted: true });
    const r3 = performance.now();
    const sig = await runTimed('pdfsig', [file]);
    const viaCli =
      options.cli &&
      (await runTimed(process.execPath, [
        options.cli.script,
        '--data-dir',
        options.cli.dataDir,
        '--json',
        'verify',
        '--allow-untrusted',
        file,
      ]));
    if (viaCli && i >= warmup) cli.push(viaCli.wallMs);
    valid &&= report.ok && check.assessment.matches && /Signature is Valid/.test(sig.stdout);
    if (i < warmup) continue;
    reads.push(r1 - r0);
    ours.push(r2 - r1);
    dossier.push(r3 - r2);
    theirs.push(sig.wallMs);
    theirCpu.push(sig.cpuMs);
  }
  const readFileMs = median(reads);
  return {
    fileBytes: readFileSync(file).length,
    verifyPdf: summarise(ours),
    verifyDossier: summarise(dossier),
    readFileMs,
    pdfsig: summarise(theirs),
    pdfsigMedianCpuMs: median(theirCpu),
    ...(cli.length ? { cli: summarise(cli) } : {}),
    ratio: (readFileMs + median(ours)) / median(theirs),
    bothSayValid: valid,
  };
}
