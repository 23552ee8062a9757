import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json';
import { Sha256Hex } from '../../../shared/domain/evidence';
import { issuePath } from '../../../shared/i18n/issues';
import { BundleError, shown } from './errors';

/** What `format` says in every manifest we write. */
export const BUNDLE_FORMAT = 'adsg-bundle';
/** The bundle layout this program writes and reads. Readers refuse any other number. */
export const FORMAT_VERSION = 1;

/** One entry of the zip, as the manifest vouches for it. */
export const ManifestEntry = z.strictObject({
  name: z.string().min(1).max(200),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256Hex,
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/**
 * manifest.json: the table of contents a signature covers. Every entry except the manifest and its
 * signature is listed with its size and SHA-256; the rules pack and the audit-trail head say what the
 * project was assessed against and where its history ends.
 */
export const Manifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  generator: z.string().max(100),
  project: z.strictObject({ id: z.uuid(), name: z.string().max(200) }),
  rulesPack: z.strictObject({ id: z.string().min(1).max(100), version: z.string().max(50).nullable(), contentHash: Sha256Hex.nullable() }),
  trail: z.strictObject({ head: Sha256Hex.nullable(), rows: z.number().int().min(0) }),
  entries: z.array(ManifestEntry),
});
export type Manifest = z.infer<typeof Manifest>;

/** The manifest's bytes: sorted keys (so equal manifests are equal bytes), indented for people. */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`, 'utf8');
}

/**
 * Reads manifest.json strictly: UTF-8, JSON, then our format and version (a newer version gets
 * its own message), then every field, and finally the exact bytes we would have written.
 * @throws BundleError `manifest-invalid` | `format-version`.
 */
export function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new BundleError('manifest-invalid', { detail: shown((e as Error).message) });
  }
  const head = z.object({ format: z.literal(BUNDLE_FORMAT), formatVersion: z.unknown() }).safeParse(json);
  if (!head.success) throw new BundleError('manifest-invalid', { detail: 'format' });
  if (head.data.formatVersion !== FORMAT_VERSION) {
    throw new BundleError('format-version', { found: shown(JSON.stringify(head.data.formatVersion) ?? 'none', 20), supported: FORMAT_VERSION });
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new BundleError('manifest-invalid', { detail: shown(firstIssue(parsed.error)) });
  // One spelling only: duplicate keys or other whitespace could make two readers see two manifests.
  if (!manifestBytes(parsed.data).equals(bytes)) throw new BundleError('manifest-invalid', { detail: 'not in canonical form' });
  return parsed.data;
}

/** "entries[3].sha256: Invalid string" — enough for a person to find the problem. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issuePath(issue.path) || '(root)'}: ${issue.message}` : 'invalid';
}
