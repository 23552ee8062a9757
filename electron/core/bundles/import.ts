import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, readFile, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { appendTrail, trailHead } from '../audit-trail/trail';
import type { Core } from '../core';
import { writeWithEvidence } from '../evidence/references';
import { openWorkFolder, type WorkFolder } from '../evidence/work-folder';
import { checkProject, parseProjectFile } from './check-project';
import { matchManifest } from './check-manifest';
import { withNewIds, type IdMap } from './copy-ids';
import { MANIFEST_ENTRY, PROJECT_ENTRY, SIGNATURE_ENTRY } from './entry-names';
import { asBundleError, BundleError } from './errors';
import { acceptedSnapshots, judgeDossier, MAX_DOSSIER_BYTES, type DossierJudgement } from './export-dossiers';
import { DEFAULT_LIMITS, type BundleLimits } from './limits';
import { parseManifest, type Manifest, type ManifestEntry } from './manifest';
import { progressOf, type BundleProgress } from './progress';
import type { BundleProject } from './project-file';
import { insertChainRows } from './project-rows';
import { copyGenesis, copyGenesisEvent } from './provenance';
import { checkRulesPack } from './rules-pack';
import { checkManifestSignature, type ManifestSigner } from './signature';
import { storeEvidence, type VerifiedFile } from './store-evidence';
import { assertNew, insertProjectRows, recordIds } from './write-project';
import { BundleReader } from './zip-reader';

/** Options of {@link importBundle}. */
export interface ImportOptions {
  /** New ids for the project and its records, and a new chain that embeds the original (see provenance.ts). */
  asCopy?: boolean;
  /** Lower limits (tests); the defaults suit real audits. */
  limits?: Partial<BundleLimits>;
  /** Also write the bundle's dossiers here (as `<sha256>.pdf`) once the project is imported. */
  dossierDir?: string;
  onProgress?: (progress: BundleProgress) => void;
  signal?: AbortSignal;
}

/** What {@link importBundle} did. */
export interface ImportResult {
  projectId: string;
  name: string;
  asCopy: boolean;
  originalProjectId: string;
  /** The head of the chain the bundle carried (for a copy: the one its genesis records). */
  originalTrailHead: string | null;
  /** The head of the project's chain here: the same as the original unless imported as a copy. */
  trailHead: string | null;
  evidence: number;
  /** Evidence files that were not in the store yet. */
  newEvidenceFiles: number;
  signer: ManifestSigner | null;
  dossiers: string[];
  /** Each dossier the bundle carries, judged as export judges it: verified, and of which accepted revision (reported, not refused). */
  dossierChecks: DossierJudgement[];
}

/** What the checks before unpacking establish. */
interface CheckedManifest {
  manifest: Manifest;
  sha256: string;
  signer: ManifestSigner | null;
  listed: Map<string, ManifestEntry>;
}

/** Files unpacked and verified in the work folder, by kind. */
interface Unpacked {
  project: string;
  evidence: VerifiedFile[];
  dossiers: VerifiedFile[];
}

/**
 * Imports an .adsg bundle. Everything is verified before anything is written to the data folder:
 * the zip's structure (limits, names, links, duplicates), the manifest (and its signature when
 * present), the rules pack, that the project is new (unless as a copy), then every entry is
 * unpacked into a work folder of this import (`<evidence>/.tmp/import-…`, never read as evidence)
 * while its bytes are counted and hashed, and project.json is checked against itself, the
 * manifest and the evidence. Only then are the rows written and the evidence files moved into the
 * store, in one write transaction; if it fails, closing the work folder takes back the files it
 * placed that nobody references. The work folder is always removed (by the next start's sweep if
 * this process dies).
 * @throws BundleError naming the first reason for refusing, in either language; RulesPackError
 * when the installed pack itself is broken.
 */
export async function importBundle(core: Core, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const reader = await BundleReader.open(file, limits);
  let work: WorkFolder | undefined;
  try {
    const checked = await readManifest(reader, core, limits);
    await checkRulesPack(core.rulesDir, checked.manifest.rulesPack);
    if (!options.asCopy) assertNew(core.db, checked.manifest.project.id);
    throwIfCancelled(options.signal);

    work = openWorkFolder(core.db, core.paths.evidence, 'import');
    await assertSpace(work.path, reader.totalSize());
    const unpacked = await unpack(reader, checked.listed, work.path, options);
    const project = parseProjectFile(await readFile(unpacked.project));
    checkProject(project, checked.manifest, checked.listed);
    throwIfCancelled(options.signal);
    const result = commit(core, project, checked, unpacked, work, options);
    result.dossierChecks = await judgeDossiers(unpacked.dossiers, project);
    if (options.dossierDir) result.dossiers = await writeDossiers(unpacked.dossiers, options.dossierDir);
    return result;
  } catch (e) {
    throw asBundleError(e, options.signal);
  } finally {
    reader.close();
    work?.close();
  }
}

/** manifest.json (size-limited, strict), its signature when present, and its agreement with the zip. */
async function readManifest(reader: BundleReader, core: Core, limits: BundleLimits): Promise<CheckedManifest> {
  const entry = reader.find(MANIFEST_ENTRY);
  if (!entry) throw new BundleError('manifest-missing');
  const raw = await reader.readBuffer(entry, limits.maxManifestBytes);
  const manifest = parseManifest(raw);
  const p7s = reader.find(SIGNATURE_ENTRY);
  const signer = p7s ? await checkManifestSignature(await reader.readBuffer(p7s, limits.maxSignatureBytes), raw, core.paths.trust) : null;
  const listed = matchManifest(manifest, reader.entries);
  const projectSize = listed.get(PROJECT_ENTRY)!.size;
  if (projectSize > limits.maxProjectBytes) throw new BundleError('entry-too-large', { name: PROJECT_ENTRY, size: projectSize, max: limits.maxProjectBytes });
  return { manifest, sha256: createHash('sha256').update(raw).digest('hex'), signer, listed };
}

/** Unpacks every listed entry into the work folder under a name of ours, checking each against the manifest. */
async function unpack(reader: BundleReader, listed: ReadonlyMap<string, ManifestEntry>, work: string, options: ImportOptions): Promise<Unpacked> {
  const entries = reader.entries.filter((e) => listed.has(e.name));
  const progress = progressOf('verify', entries.reduce((n, e) => n + e.size, 0), options.onProgress);
  const unpacked: Unpacked = { project: '', evidence: [], dossiers: [] };
  for (const [index, entry] of entries.entries()) {
    throwIfCancelled(options.signal);
    const path = join(work, String(index));
    const out = await open(path, 'wx', 0o600);
    let digest;
    try {
      digest = await reader.extract(entry, out, { signal: options.signal, onBytes: (n) => progress.advance(entry.name, n) });
      // Evidence is renamed into the store from here: it must be on disk before the rows that name it.
      await out.sync();
    } finally {
      await out.close();
    }
    const expected = listed.get(entry.name)!;
    if (digest.sha256 !== expected.sha256 || digest.size !== expected.size) throw new BundleError('entry-mismatch', { name: entry.name });
    const file = { path, ...digest };
    if (entry.kind.kind === 'project') unpacked.project = path;
    else if (entry.kind.kind === 'evidence') unpacked.evidence.push(file);
    else if (entry.kind.kind === 'dossier') unpacked.dossiers.push(file);
  }
  progress.finish();
  return unpacked;
}

/** Every row and the evidence files in one write transaction (the files are tracked first, in case it fails or dies). */
function commit(core: Core, project: BundleProject, checked: CheckedManifest, unpacked: Unpacked, work: WorkFolder, options: ImportOptions): ImportResult {
  const original = project.workspace.project.id;
  const copy = options.asCopy ? withNewIds(project) : undefined;
  const ws = copy?.workspace ?? project.workspace;
  const revisions = copy?.revisions ?? project.revisions;
  assertNew(core.db, ws.project.id, recordIds(ws));

  work.track(unpacked.evidence.map((f) => f.sha256));
  const progress = progressOf('store', unpacked.evidence.reduce((n, e) => n + e.size, 0), options.onProgress);
  const added = writeWithEvidence(core.db, core.paths.evidence, (place) => {
    assertNew(core.db, ws.project.id, recordIds(ws));
    const fresh = storeEvidence(place, unpacked.evidence, (f) => progress.advance(f.sha256, f.size));
    insertProjectRows(core.db, ws, revisions);
    const at = core.now().toISOString();
    if (copy) appendTrail(core.db, copyGenesisEvent(ws.project.id, core.actor(), copyGenesis({ projectId: original, trail: project.trail, head: checked.manifest.trail.head }, copy.ids, { manifestSha256: checked.sha256, signer: checked.signer?.fingerprint ?? null })), at);
    else insertChainRows(core.db, ws.project.id, project.trail);
    appendTrail(core.db, importRecord(core, ws.project.id, original, checked, copy?.ids), at);
    return fresh;
  });
  progress.finish();
  return {
    projectId: ws.project.id,
    name: ws.project.name,
    asCopy: !!copy,
    originalProjectId: original,
    originalTrailHead: checked.manifest.trail.head,
    trailHead: trailHead(core.db, ws.project.id),
    evidence: ws.evidence.length,
    newEvidenceFiles: added,
    signer: checked.signer,
    dossiers: [],
    dossierChecks: [],
  };
}

/** The bundle's dossiers against its project's accepted revisions (a copy keeps the original's snapshots). */
async function judgeDossiers(dossiers: readonly VerifiedFile[], project: BundleProject): Promise<DossierJudgement[]> {
  const accepted = acceptedSnapshots(project.revisions);
  const judged: DossierJudgement[] = [];
  for (const d of dossiers) {
    if (d.size > MAX_DOSSIER_BYTES) judged.push({ sha256: d.sha256, problem: 'not-verified', revision: null, snapshotHash: null });
    else judged.push(await judgeDossier(await readFile(d.path), `${d.sha256}.pdf`, accepted));
  }
  return judged;
}

/** The machine-wide trail records every import, so the workbench's own history says where a project came from. */
function importRecord(core: Core, projectId: string, original: string, checked: CheckedManifest, ids?: IdMap) {
  return {
    projectId: null,
    entity: 'bundle',
    entityId: projectId,
    action: ids ? 'import-copy' : 'import',
    actor: core.actor(),
    after: { projectId, originalProjectId: original, trailHead: checked.manifest.trail.head, manifestSha256: checked.sha256, signer: checked.signer?.fingerprint ?? null },
  };
}

async function writeDossiers(dossiers: readonly VerifiedFile[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const d of dossiers) {
    const target = join(dir, `${d.sha256}.pdf`);
    await copyFile(d.path, target);
    written.push(target);
  }
  return written;
}

/** Refuses before unpacking when the work folder's disk cannot hold the bundle's contents. */
async function assertSpace(dir: string, needed: number): Promise<void> {
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  if (free < needed) throw new BundleError('no-space', { needed, free });
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BundleError('cancelled');
}
