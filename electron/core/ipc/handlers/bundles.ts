import type { z } from 'zod';
import type { bundleChannels, BundleImportSummary } from '../../../../shared/ipc/channels/bundles';
import { exportBundle } from '../../bundles/export';
import { importBundle } from '../../bundles/import';
import type { BundleProgress } from '../../bundles/progress';
import type { Core } from '../../core';
import { signingAppError } from '../../dossier/service';
import type { Ports } from '../../ports';
import { getProject } from '../../projects/service';
import { safeFileName } from '../../safe-file-name';
import { unlockIdentity } from '../../signing';

type BundleChannel = keyof typeof bundleChannels;
type Spec<C extends BundleChannel> = (typeof bundleChannels)[C];

/** The handlers of bundleChannels, typed from that file alone so they compile before the contract lists them. */
type BundleHandlers = {
  [C in BundleChannel]: (input: z.output<Spec<C>['input']>, core: Core, ports: Ports) => Promise<z.output<Spec<C>['output']>>;
};

/** Bundle progress as the renderer's job events. */
const emitter = (ports: Ports, jobId: string) => (p: BundleProgress) => ports.emit('job:progress', { jobId, kind: 'bundle', label: p.label, done: p.done, total: p.total });

/** Export asks where to save (after unlocking the identity, so a wrong passphrase fails first); import asks which file. */
export const bundleHandlers: BundleHandlers = {
  'bundle:export': async ({ projectId, jobId, identityId, passphrase }, core, ports) => {
    const project = getProject(core, projectId);
    const signer = identityId && passphrase ? await unlockIdentity(core.paths.identities, identityId, passphrase).catch((e: unknown) => Promise.reject(signingAppError(e))) : undefined;
    const path = await ports.saveFile(`${safeFileName(project.name)}.adsg`, ['adsg']);
    if (!path) return { saved: false, path: null, sha256: null, bytes: null, signed: false };
    const written = await core.jobs.run(jobId, (signal) => exportBundle(core, projectId, path, { signer, signal, onProgress: emitter(ports, jobId) }));
    return { saved: true, path, sha256: written.sha256, bytes: written.bytes, signed: written.signed };
  },
  'bundle:import': async ({ asCopy, jobId }, core, ports) => {
    const [file] = await ports.pickFiles({ extensions: ['adsg'], multiple: false });
    if (!file) return { imported: false, result: null };
    const { dossiers: _dossiers, ...summary } = await core.jobs.run(jobId, (signal) => importBundle(core, file, { asCopy, signal, onProgress: emitter(ports, jobId) }));
    const result: BundleImportSummary = summary;
    return { imported: true, result };
  },
};
