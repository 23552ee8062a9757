import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { ERROR_CODES } from '../../shared/ipc/result';
import { verifyTrail } from '../../electron/core/audit-trail/trail';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { loadWorkspace } from '../../electron/core/workspace/service';
import { createIdentity } from '../../electron/core/signing';
import { acceptedSample, copyDataDir, FIXED_NOW } from '../fixtures/bundles/sample';
import { tempCore, tempDir } from '../helpers/temp';
import { FUZZ_SEED, mutationsOf, prototypeIsClean } from './arbitraries';

/** Real ids in the fuzzed data folder, so mutated inputs reach the handlers, not only the schemas. */
interface Ids {
  project: string;
  flow: string;
  finding: string;
  evidence: string;
  identity: string;
  file: string;
}
const ITEM = 'adsg-2026:ms-01';
const NO_ID = '0'.repeat(64);

/** A valid input per channel. A channel added later without one is fuzzed from `{}` (see the last test). */
const seeds = (i: Ids): Record<string, unknown> => ({
  'app:info': {},
  'settings:get': {},
  'settings:update': { locale: 'en', actorName: 'Fuzz' },
  'projects:list': { includeArchived: true },
  'projects:createDemo': {},
  'projects:get': { id: i.project },
  'projects:create': { name: 'F', organization: 'O', creditCode: '91350100M000100Y43', auditStart: '2026-01-01', auditEnd: '2026-02-01' },
  'projects:update': { id: i.project, patch: { name: 'renamed', site: 'S' } },
  'projects:setArchived': { id: i.project, archived: true },
  'projects:delete': { id: i.project, confirm: true },
  'trail:list': { projectId: i.project, entityId: ITEM },
  'trail:verify': { projectId: i.project },
  'workspace:get': { projectId: i.project },
  'flows:create': { projectId: i.project, flow: { name: 'F', scenario: 'other', behaviour: 'transfer-abroad', individuals: 10, exemptionClaims: [{ id: 'transit', conditions: { a: true } }] } },
  'flows:update': { id: i.flow, patch: { name: 'G', individuals: 5, dataCategories: ['x'] } },
  'flows:delete': { id: i.flow, confirm: true },
  'questions:answer': { flowId: i.flow, itemId: ITEM, answer: 'yes', note: 'n' },
  'answers:save': { projectId: i.project, itemId: ITEM, result: 'nonconforming', notes: 'n', justification: 'j' },
  'overrides:set': { projectId: i.project, scope: 'organization', outcome: 'exempt', exemption: 'hr-management', justification: 'j' },
  'overrides:clear': { projectId: i.project, scope: i.flow },
  'findings:create': { projectId: i.project, finding: { severity: 'minor', title: 'T', evidenceIds: [i.evidence], itemIds: [ITEM] } },
  'findings:update': { id: i.finding, patch: { status: 'closed', dueDate: '2026-12-31' } },
  'findings:delete': { id: i.finding, confirm: true },
  'findings:export': { projectId: i.project, format: 'xlsx' },
  'evidence:pick': { projectId: i.project, jobId: 'fuzz' },
  'evidence:addPaths': { projectId: i.project, paths: [i.file], itemId: ITEM, jobId: 'fuzz' },
  'evidence:update': { id: i.evidence, description: 'd' },
  'evidence:link': { id: i.evidence, itemId: ITEM, linked: true },
  'evidence:delete': { id: i.evidence, confirm: true },
  'evidence:preview': { id: i.evidence },
  'evidence:verify': { projectId: i.project },
  'jobs:cancel': { jobId: 'fuzz' },
  'review:status': { projectId: i.project },
  'review:submit': { projectId: i.project, comments: 'c' },
  'review:return': { projectId: i.project, comments: 'c' },
  'review:accept': { projectId: i.project, comments: 'c' },
  'rules:forProject': { projectId: i.project },
  'identities:list': {},
  'identities:create': { name: 'N', organisation: 'O', passphrase: 'passphrase-1' },
  'identities:import': { passphrase: 'x' },
  'identities:exportCertificate': { id: i.identity, format: 'der' },
  'identities:remove': { id: i.identity, confirm: true },
  'trust:list': {},
  'trust:import': {},
  'trust:remove': { fingerprint: NO_ID, confirm: true },
  // A real identity with a wrong passphrase: the request goes all the way to unlocking the key.
  'dossier:generate': { projectId: i.project, lang: 'both', identityId: i.identity, passphrase: 'wrong passphrase', jobId: 'fuzz' },
  'dossier:countersign': { identityId: i.identity, passphrase: 'wrong passphrase' },
  'dossier:verify': {},
  'bundle:export': { projectId: i.project, jobId: 'fuzz' },
  'bundle:import': { asCopy: true, jobId: 'fuzz' },
  'rules:list': {},
  'rules:diff': { from: 'adsg-2026@1.0.0', to: 'adsg-2026@1.1.0-example' },
  'upgrade:preview': { projectId: i.project, to: 'adsg-2026@1.1.0-example' },
  'upgrade:apply': { projectId: i.project, to: 'adsg-2026@1.1.0-example', expectFrom: NO_ID },
  'carried:list': { projectId: i.project },
  'carried:confirm': { projectId: i.project, entity: 'answer', entityId: ITEM },
});

/** Channels whose valid input costs seconds (an RSA key, a whole sample project): fewer runs. */
const HEAVY = new Set(['projects:createDemo', 'identities:create']);
const RUNS = 40;

let source = '';
let ids: Ids;

beforeAll(async () => {
  const { core, projectId } = await acceptedSample();
  const ws = loadWorkspace(core, projectId);
  const finding = await dispatch(core, 'findings:create', { projectId, finding: { severity: 'major', title: 'fuzz' } });
  const identity = await createIdentity(core.paths.identities, { name: 'Fuzz', organisation: 'Fuzz', passphrase: 'passphrase-1', now: FIXED_NOW() });
  const file = join(tempDir(), 'note.txt');
  writeFileSync(file, 'evidence outside the data folder');
  ids = { project: projectId, flow: ws.flows[0]!.id, finding: (finding as { value: { id: string } }).value.id, evidence: ws.evidence[0]!.id, identity: identity.id, file };
  source = core.dataDir;
  core.close();
}, 60_000);

describe('every IPC channel survives random and mutated input (fast-check, fixed seed)', () => {
  test.each(CHANNELS.map((c) => [c]))('%s', async (channel) => {
    const core = tempCore({ dataDir: copyDataDir(source), now: FIXED_NOW });
    try {
      const seed = seeds(ids)[channel] ?? {};
      await fc.assert(
        fc.asyncProperty(mutationsOf(seed), async (input) => {
          const result = await dispatch(core, channel, input);
          expect(prototypeIsClean()).toBe(true);
          if (result.ok) return;
          expect(ERROR_CODES).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
          expect(result.error.message.length).toBeGreaterThan(0);
          // An internal error is an exception nobody meant to throw: a bug, whatever the input.
          expect(result.error.code, result.error.message).not.toBe('internal');
        }),
        { seed: FUZZ_SEED, numRuns: HEAVY.has(channel) ? 4 : RUNS },
      );
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
      const chains = core.db.prepare('SELECT DISTINCT chain_key AS key FROM audit_trail').all() as { key: string }[];
      for (const { key } of chains) expect(verifyTrail(core.db, key), `chain ${key}`).toMatchObject({ ok: true });
    } finally {
      core.close();
    }
  }, 30_000);

  test('every channel of the contract has a valid seed here', () => {
    expect(CHANNELS.filter((c) => !(c in seeds(ids)))).toEqual([]);
  });
});
