import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open as openFile, rename, rm } from 'node:fs/promises';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { canonicalJson } from '../../../shared/canonical-json';
import type { Core } from '../core';
import { storedPath } from '../evidence/paths';
import { isSystemError } from '../evidence/errors';
import type { UnlockedSigner } from '../signing/unlocked-signer';
import { dossierEntry, evidenceEntry, MANIFEST_ENTRY, PROJECT_ENTRY, SIGNATURE_ENTRY } from './entry-names';
import { asBundleError, BundleError, shown } from './errors';
import { acceptedSnapshots, checkDossiers } from './export-dossiers';
import { assertProjectIntegrity } from '../integrity/project-integrity';
import { BUNDLE_FORMAT, FORMAT_VERSION, manifestBytes, type Manifest, type ManifestEntry } from './manifest';
import { progressOf, type BundleProgress } from './progress';
import { readProjectForExport } from './read-project';
import { signManifest } from './signature';

/** Options of {@link exportBundle}. */
export interface ExportOptions {
  /** Signs the manifest (detached CMS → manifest.p7s) when given. */
  signer?: UnlockedSigner;
  /** Dossier PDFs of this project to hand over with it; each must verify and be of one of its accepted revisions. */
  dossiers?: readonly string[];
  onProgress?: (progress: BundleProgress) => void;
  signal?: AbortSignal;
}

/** What {@link exportBundle} wrote. */
export interface ExportResult {
  file: string;
  /** Size and SHA-256 of the .adsg file itself. */
  bytes: number;
  sha256: string;
  projectId: string;
  trailHead: string | null;
  evidence: number;
  dossiers: number;
  signed: boolean;
}

/** Stored entries keep their bytes; one fixed time keeps the zip the same for the same project. */
const entryOptions = (mtime: Date, compress: boolean) => ({ mtime, mode: 0o100644, compress, forceDosTimestamp: false });

/**
 * Writes a project as one .adsg file: project.json (canonical JSON, deflated), every evidence file
 * (stored: it is mostly compressed already, and stored entries can never look like a zip bomb),
 * chosen dossiers, then manifest.json listing each entry's size and SHA-256, and manifest.p7s when
 * signed. Evidence streams from the store and is re-hashed on the way: a file that no longer
 * matches its hash stops the export. The bundle is written next to `out` and renamed when
 * complete, so `out` is never half a bundle.
 * @throws AppError `not-found`, `integrity` (the project integrity check failed, naming why); BundleError
 * `evidence-damaged` | `dossier-invalid` | `cancelled` | `io`.
 */
export async function exportBundle(core: Core, projectId: string, out: string, options: ExportOptions = {}): Promise<ExportResult> {
  // What is handed over is anchored first and must pass the integrity check a dossier needs.
  core.anchors.anchorNow([projectId]);
  assertProjectIntegrity(core, projectId, 'export');
  const { project, trailHead } = readProjectForExport(core, projectId);
  const dossiers = await checkDossiers(options.dossiers ?? [], acceptedSnapshots(project.revisions));
  const now = core.now();
  const projectJson = Buffer.from(canonicalJson(project), 'utf8');
  // One record per stored file: the schema keeps (project, sha256) unique.
  const evidence = project.workspace.evidence;
  const total = projectJson.length + evidence.reduce((n, e) => n + e.size, 0) + dossiers.reduce((n, d) => n + d.bytes.length, 0);
  const progress = progressOf('export', total, options.onProgress);
  const advance = progress.advance;

  const partial = `${out}.${randomUUID()}.partial`;
  const zip = new yazl.ZipFile();
  const bundleHash = new HashMeter();
  const written = pipeline(zip.outputStream, bundleHash, createWriteStream(partial, { flags: 'wx' }));
  // Awaited on success; on failure the error that stopped the export is the one reported.
  written.catch(() => undefined);
  // yazl reports a failing source through the zip object; without a listener that would crash the process.
  const zipFailed = new Promise<never>((_resolve, reject) => zip.on('error', reject));
  zipFailed.catch(() => undefined);
  const sources = new Set<Readable>();
  try {
    const entries: ManifestEntry[] = [];
    zip.addBuffer(projectJson, PROJECT_ENTRY, entryOptions(now, true));
    entries.push({ name: PROJECT_ENTRY, size: projectJson.length, sha256: sha256(projectJson) });
    advance(PROJECT_ENTRY, projectJson.length);

    for (const e of evidence) {
      throwIfCancelled(options.signal);
      const name = evidenceEntry(e.sha256);
      const got = await Promise.race([addStoredFile(zip, name, storedPath(core.paths.evidence, e.sha256), { mtime: now, open: sources, signal: options.signal, onBytes: (n) => advance(e.fileName, n) }), zipFailed]).catch((err: unknown) => {
        throw isSystemError(err) && err.code === 'ENOENT' ? new BundleError('evidence-damaged', { name: shown(e.fileName), sha256: e.sha256 }) : err;
      });
      if (got.sha256 !== e.sha256 || got.size !== e.size) throw new BundleError('evidence-damaged', { name: shown(e.fileName), sha256: e.sha256 });
      entries.push({ name, size: got.size, sha256: got.sha256 });
    }
    for (const d of dossiers) {
      zip.addBuffer(d.bytes, dossierEntry(d.sha256), entryOptions(now, false));
      entries.push({ name: dossierEntry(d.sha256), size: d.bytes.length, sha256: d.sha256 });
      advance(d.file, d.bytes.length);
    }

    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: now.toISOString(),
      generator: `ADSG Workbench ${core.appVersion}`.slice(0, 100),
      project: { id: project.workspace.project.id, name: project.workspace.project.name },
      rulesPack: project.workspace.project.rulesPack,
      trail: { head: trailHead, rows: project.trail.length },
      entries,
    };
    const manifestRaw = manifestBytes(manifest);
    zip.addBuffer(manifestRaw, MANIFEST_ENTRY, entryOptions(now, true));
    if (options.signer) zip.addBuffer(await signManifest(manifestRaw, options.signer, now), SIGNATURE_ENTRY, entryOptions(now, false));
    zip.end();
    await Promise.race([written, zipFailed]);
    await syncFile(partial);
    await rename(partial, out);
    progress.finish();
    return { file: out, bytes: bundleHash.size, sha256: bundleHash.digest(), projectId, trailHead, evidence: evidence.length, dossiers: dossiers.length, signed: !!options.signer };
  } catch (e) {
    for (const source of sources) source.destroy();
    bundleHash.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw asBundleError(e, options.signal);
  }
}

/**
 * Adds a file as a stored entry, opened only when yazl reaches it (one open file at a time), and
 * resolves with the SHA-256 and size of the bytes that actually went into the zip. An abort stops
 * it mid-file, so cancelling a multi-GB export is immediate.
 */
function addStoredFile(
  zip: yazl.ZipFile,
  name: string,
  path: string,
  options: { mtime: Date; open: Set<Readable>; signal?: AbortSignal; onBytes: (n: number) => void },
): Promise<{ sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    zip.addReadStreamLazy(name, entryOptions(options.mtime, false), (give) => {
      const source = createReadStream(path);
      const meter = new HashMeter(options.onBytes);
      // Tracked so a failed export closes the file it was reading.
      options.open.add(source);
      source.on('close', () => options.open.delete(source));
      const abort = () => source.destroy(new BundleError('cancelled'));
      options.signal?.addEventListener('abort', abort, { once: true });
      // pipe() does not forward errors: a vanished file must fail this entry, not hang it.
      source.on('error', (err) => meter.destroy(err));
      meter.on('close', () => options.signal?.removeEventListener('abort', abort));
      meter.on('error', reject);
      meter.on('end', () => resolve({ sha256: meter.digest(), size: meter.size }));
      give(null, source.pipe(meter));
    });
  });
}

/** Passes bytes through unchanged, hashing and counting them. */
class HashMeter extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.onBytes?.(chunk.length);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await openFile(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BundleError('cancelled');
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
