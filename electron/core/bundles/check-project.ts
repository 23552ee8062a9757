import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json';
import { verifyChainRows } from './chain';
import { evidenceEntry } from './entry-names';
import { BundleError, shown } from './errors';
import { firstIssue, type Manifest, type ManifestEntry } from './manifest';
import { Workspace } from '../../../shared/ipc/channels/audit';
import { BundleProject } from './project-file';
import { embeddedOrigins } from './provenance';
import { checkHistory } from '../integrity/history';
import { problemsText } from '../integrity/problems';

/**
 * Parses project.json: UTF-8, JSON in canonical form (which also rules out duplicate keys and
 * `__proto__` tricks: the text must be exactly what canonicalJson makes of it), then the strict schema.
 * @throws BundleError `project-invalid`.
 */
export function parseProjectFile(bytes: Buffer): BundleProject {
  const parsed = BundleProject.safeParse(readCanonical(bytes, (detail) => new BundleError('project-invalid', { detail })));
  if (!parsed.success) throw new BundleError('project-invalid', { detail: shown(firstIssue(parsed.error)) });
  return parsed.data;
}

/**
 * Everything project.json says must agree with itself, with the manifest and with the evidence
 * in the bundle, before a single row is written: ids, references, the audit chain (recomputed
 * here, ending at the manifest's head), every accepted snapshot (hash, form, project), and the
 * workspace and snapshots against what the chain replays to (the integrity check a project here gets).
 * @throws BundleError `project-inconsistent` | `trail-broken` | `trail-mismatch` | `snapshot-mismatch`.
 */
export function checkProject(project: BundleProject, manifest: Manifest, listed: ReadonlyMap<string, ManifestEntry>): void {
  const ws = project.workspace;
  const id = ws.project.id;
  const fail = (detail: string) => new BundleError('project-inconsistent', { detail: shown(detail, 200) });
  if (id !== manifest.project.id || ws.project.name !== manifest.project.name) throw fail('the project is not the one the manifest names');
  if (canonicalJson(ws.project.rulesPack) !== canonicalJson(manifest.rulesPack)) throw fail('the rules pack differs from the manifest');

  const owned = [...ws.flows, ...ws.answers, ...ws.evidence, ...ws.findings, ...ws.overrides, ...project.revisions];
  if (owned.some((row) => row.projectId !== id)) throw fail('a record belongs to another project');
  unique(ws.flows.map((f) => f.id), 'flow id', fail);
  unique(ws.evidence.map((e) => e.id), 'evidence id', fail);
  unique(ws.evidence.map((e) => e.sha256), 'evidence file', fail);
  unique(ws.findings.map((f) => f.id), 'finding id', fail);
  unique(ws.findings.map((f) => String(f.number)), 'finding number', fail);
  unique(ws.answers.map((a) => a.itemId), 'answer', fail);
  unique(ws.questions.map((q) => `${q.flowId} ${q.itemId}`), 'questionnaire answer', fail);
  unique(ws.overrides.map((o) => o.scope), 'override', fail);
  unique(project.revisions.map((r) => String(r.number)), 'revision', fail);

  const flowIds = new Set(ws.flows.map((f) => f.id));
  if (ws.questions.some((q) => !flowIds.has(q.flowId))) throw fail('a questionnaire answer names no flow of the project');
  if (ws.overrides.some((o) => o.scope !== 'organization' && !flowIds.has(o.scope))) throw fail('an override names no flow of the project');

  const referenced = new Set<string>();
  for (const e of ws.evidence) {
    const name = evidenceEntry(e.sha256);
    if (listed.get(name)?.size !== e.size) throw fail(`the file of evidence “${e.fileName}” is missing or has another size`);
    referenced.add(name);
  }
  for (const name of listed.keys()) {
    if (name.startsWith('evidence/') && !referenced.has(name)) throw fail(`${name} belongs to no evidence record`);
  }

  const head = verifyChainRows(project.trail, id);
  if (head !== manifest.trail.head) throw new BundleError('trail-mismatch', { found: head ?? '-', expected: manifest.trail.head ?? '-' });
  if (project.trail.length !== manifest.trail.rows) throw new BundleError('trail-mismatch', { found: `${project.trail.length} rows`, expected: `${manifest.trail.rows} rows` });
  for (const row of project.trail) {
    for (const text of [row.before, row.after]) if (text !== null) readCanonical(Buffer.from(text, 'utf8'), () => fail('a trail row holds text that is not canonical JSON'));
  }
  // A copy's revisions name heads of the original chain and snapshots of the original project, which its genesis carries.
  const origins = embeddedOrigins(project.trail);
  const hashes = new Set([...project.trail.map((r) => r.hash), ...origins.hashes]);
  const projects = new Set([id, ...origins.projectIds]);
  for (const r of project.revisions) checkRevision(r, projects, hashes, fail);
  const history = checkHistory(project.trail, ws, project.revisions);
  if (history.length) throw new BundleError('project-inconsistent', { detail: problemsText(history, 1) });
}

function checkRevision(r: BundleProject['revisions'][number], projects: ReadonlySet<string>, chain: ReadonlySet<string>, fail: (detail: string) => BundleError): void {
  if (r.state === 'accepted' && (r.snapshot === null || r.trailHead === null)) throw new BundleError('snapshot-mismatch', { revision: r.number });
  if (r.trailHead !== null && !chain.has(r.trailHead)) throw fail(`revision ${r.number} names a trail head outside the chain`);
  if (r.snapshot === null) return;
  if (createHash('sha256').update(r.snapshot).digest('hex') !== r.snapshotHash) throw new BundleError('snapshot-mismatch', { revision: r.number });
  // Read as the dossier reads it (not strictly): a snapshot accepted under an older app version stays importable.
  const snapshot = Workspace.safeParse(readCanonical(Buffer.from(r.snapshot, 'utf8'), () => new BundleError('snapshot-mismatch', { revision: r.number })));
  if (!snapshot.success || !projects.has(snapshot.data.project.id)) throw new BundleError('snapshot-mismatch', { revision: r.number });
}

/**
 * The value of UTF-8 JSON text that is already in canonical form, so what is hashed and what is
 * read are the same. Deeply nested hostile JSON overflows the stack in parsing or sorting: that
 * RangeError is caught here like any other malformed input.
 */
function readCanonical(bytes: Buffer, fail: (detail: string) => BundleError): unknown {
  let canonical: boolean;
  let value: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(text);
    canonical = canonicalJson(value) === text;
  } catch (e) {
    throw fail(shown((e as Error).message));
  }
  if (!canonical) throw fail('not in canonical form');
  return value;
}

function unique(values: readonly string[], what: string, fail: (detail: string) => BundleError): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw fail(`${what} ${v} occurs twice`);
    seen.add(v);
  }
}
