import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import { DossierCheck, IdentityFields, IdentityInfo, TrustedCert } from '../../domain/signing';

const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/);
const passphrase = z.string().min(1, 'v.required').max(1024);
const confirm = z.literal(true, 'error.delete-confirm');
const saved = z.object({ saved: z.boolean(), path: z.string().nullable() });

/** Identities, trusted certificates, dossier generation, countersigning and verification. */
export const signingChannels = {
  'identities:list': { input: z.strictObject({}), output: z.array(IdentityInfo) },
  'identities:create': {
    input: z.strictObject({
      ...IdentityFields,
      passphrase: z.string().min(8, 'v.passphraseShort').max(1024),
    }),
    output: IdentityInfo,
  },
  'identities:import': { input: z.strictObject({ passphrase, newPassphrase: z.string().min(8, 'v.passphraseShort').max(1024).optional() }), output: z.array(IdentityInfo) },
  'identities:exportCertificate': { input: z.strictObject({ id: Fingerprint, format: z.enum(['pem', 'der']) }), output: saved },
  'identities:remove': { input: z.strictObject({ id: Fingerprint, confirm }), output: z.object({ id: z.string() }) },
  'trust:list': { input: z.strictObject({}), output: z.array(TrustedCert) },
  'trust:import': { input: z.strictObject({}), output: z.array(TrustedCert) },
  'trust:remove': { input: z.strictObject({ fingerprint: Fingerprint, confirm }), output: z.object({ fingerprint: z.string() }) },
  'dossier:generate': {
    input: z.strictObject({ projectId: ProjectId, lang: z.enum(['zh-CN', 'en', 'both']), identityId: Fingerprint, passphrase, jobId: z.string().max(64) }),
    output: saved,
  },
  'dossier:countersign': { input: z.strictObject({ identityId: Fingerprint, passphrase }), output: saved },
  'dossier:verify': { input: z.strictObject({}), output: DossierCheck.nullable() },
} as const;
