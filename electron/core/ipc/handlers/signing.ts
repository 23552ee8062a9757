import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Core } from '../../core';
import { verifyMessage } from '../../../../shared/i18n/verify-messages';
import { countersignDossier, CountersignRefused, inspectForCountersign } from '../../dossier/countersign';
import { deliverDossier, signingAppError } from '../../dossier/service';
import { verifyDossierInWorker } from '../../dossier/verify-job';
import { AppError } from '../../errors';
import type { Ports } from '../../ports';
import { getProject } from '../../projects/service';
import {
  createIdentity,
  exportCertificate,
  getIdentity,
  importIdentity,
  importTrustedCertificates,
  listIdentities,
  listTrustedCertificates,
  readTrustedCertificates,
  removeIdentity,
  removeTrustedCertificate,
} from '../../signing';
import { safeFileName } from '../../safe-file-name';
import { writeFailure } from '../../../../shared/i18n/integrity-messages';
import { forgetPreview, previewedFile, rememberPreview } from './countersign-previews';
import type { Handlers } from './types';

type SigningChannel =
  | 'identities:list'
  | 'identities:create'
  | 'identities:import'
  | 'identities:exportCertificate'
  | 'identities:remove'
  | 'trust:list'
  | 'trust:import'
  | 'trust:remove'
  | 'dossier:generate'
  | 'dossier:countersignPreview'
  | 'dossier:countersign'
  | 'dossier:verify';

/** Runs a signing-core call, turning its typed errors into the user's language. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw signingAppError(e);
  }
}

/** One file the user picks, read whole (certificates, key stores and PDFs are small enough). */
async function pickOne(ports: Ports, extensions: string[]): Promise<{ path: string; bytes: Buffer } | null> {
  const [path] = await ports.pickFiles({ extensions, multiple: false });
  if (!path) return null;
  try {
    return { path, bytes: await readFile(path) };
  } catch (e) {
    throw new AppError('io', 'error.io', { detail: (e as Error).message });
  }
}

/** Asks where to save and writes there; a write the OS refuses is an `io` error naming why. */
async function saveAs(ports: Ports, name: string, ext: string, bytes: Buffer) {
  const path = await ports.saveFile(name, [ext]);
  if (!path) return { saved: false, path: null };
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw new AppError('io', 'error.io', { detail: writeFailure((e as NodeJS.ErrnoException).code) });
  }
  return { saved: true, path };
}


export const signingHandlers: Handlers<SigningChannel> = {
  'identities:list': (_i, core) => guarded(() => listIdentities(core.paths.identities)),
  'identities:create': ({ name, organisation, email, passphrase }, core) =>
    guarded(() => createIdentity(core.paths.identities, { name, organisation, email, passphrase, now: core.now() })),
  'identities:import': async ({ passphrase, newPassphrase }, core, ports) => {
    const file = await pickOne(ports, ['p12', 'pfx']);
    if (!file) return [];
    return [await guarded(() => importIdentity(core.paths.identities, { p12: file.bytes, passphrase, newPassphrase, now: core.now() }))];
  },
  'identities:exportCertificate': async ({ id, format }, core, ports) => {
    const identity = await guarded(() => getIdentity(core.paths.identities, id));
    const bytes = await guarded(() => exportCertificate(core.paths.identities, id, format));
    return saveAs(ports, `${safeFileName(identity.name)}.${format === 'pem' ? 'pem' : 'cer'}`, format === 'pem' ? 'pem' : 'cer', bytes);
  },
  'identities:remove': async ({ id }, core) => {
    await guarded(() => removeIdentity(core.paths.identities, id));
    return { id };
  },
  'trust:list': (_i, core) => guarded(() => listTrustedCertificates(core.paths.trust)),
  'trust:import': async (_i, core, ports) => {
    const file = await pickOne(ports, ['pem', 'cer', 'crt', 'der']);
    return file ? guarded(() => importTrustedCertificates(core.paths.trust, file.bytes)) : [];
  },
  'trust:remove': async ({ fingerprint }, core) => {
    await guarded(() => removeTrustedCertificate(core.paths.trust, fingerprint));
    return { fingerprint };
  },
  'dossier:generate': async (input, core, ports) => {
    const project = getProject(core, input.projectId);
    // Recorded as signed only once saved (deliverDossier); a cancelled dialog or a failed write records nothing.
    const { path } = await deliverDossier(core, ports, input, async (pdf, revision) => (await saveAs(ports, `${safeFileName(project.name)}-r${revision}-${input.lang}.pdf`, 'pdf', pdf)).path);
    return { saved: path !== null, path };
  },
  'dossier:countersignPreview': async (_i, core, ports) => {
    const file = await pickOne(ports, ['pdf']);
    if (!file) return null;
    const preview = await inspectForCountersign(core, file.bytes, basename(file.path));
    return { previewId: rememberPreview(core, basename(file.path), file.bytes), preview };
  },
  'dossier:countersign': async ({ previewId, identityId, passphrase }, core, ports) => {
    const previewed = previewedFile(core, previewId);
    if (!previewed) throw new AppError('conflict', 'error.conflict', { what: verifyMessage(core.locale(), 'countersign.preview-expired') });
    let signed: Buffer;
    try {
      // Exactly the bytes the reviewer was shown (countersign-previews.ts), verified again before signing.
      ({ pdf: signed } = await countersignDossier(core, previewed.bytes, previewed.name, identityId, passphrase));
    } catch (e) {
      if (e instanceof CountersignRefused) {
        const code = e.preview.blockers.includes('does-not-verify') ? 'integrity' : 'conflict';
        throw new AppError(code, 'error.signing', { detail: e.reasons(core.locale()) });
      }
      throw e;
    }
    forgetPreview(core, previewId);
    return saveAs(ports, previewed.name.replace(/\.pdf$/i, '') + '-countersigned.pdf', 'pdf', signed);
  },
  'dossier:verify': async (_i, core: Core, ports) => {
    const file = await pickOne(ports, ['pdf']);
    if (!file) return null;
    const trusted = await guarded(() => readTrustedCertificates(core.paths.trust));
    return verifyDossierInWorker(file.bytes, basename(file.path), trusted);
  },
};
