import { classifyEntry, MANIFEST_ENTRY, PROJECT_ENTRY, SIGNATURE_ENTRY } from './entry-names';
import { BundleError, shown } from './errors';
import type { Manifest, ManifestEntry } from './manifest';
import type { BundleEntry } from './zip-reader';

/**
 * The manifest and the zip must describe the same set of files: every entry but the manifest and
 * its signature listed exactly once, nothing listed that is missing, the same declared sizes, and
 * content-addressed names agreeing with the hashes listed for them.
 * @returns the manifest's entries by name.
 * @throws BundleError `manifest-inconsistent` | `entry-mismatch` | `unknown-entry`.
 */
export function matchManifest(manifest: Manifest, entries: readonly BundleEntry[]): Map<string, ManifestEntry> {
  const listed = new Map<string, ManifestEntry>();
  for (const m of manifest.entries) {
    if (listed.has(m.name)) throw new BundleError('manifest-inconsistent', { detail: `${shown(m.name)} is listed twice` });
    const kind = classifyEntry(m.name);
    if (!kind || kind.kind === 'manifest' || kind.kind === 'signature') {
      throw new BundleError('manifest-inconsistent', { detail: `${shown(m.name)} cannot be listed` });
    }
    if ((kind.kind === 'evidence' || kind.kind === 'dossier') && kind.sha256 !== m.sha256) {
      throw new BundleError('manifest-inconsistent', { detail: `${m.name} is listed with SHA-256 ${m.sha256}` });
    }
    listed.set(m.name, m);
  }
  if (!listed.has(PROJECT_ENTRY)) throw new BundleError('manifest-inconsistent', { detail: `${PROJECT_ENTRY} is not listed` });
  for (const entry of entries) {
    if (entry.name === MANIFEST_ENTRY || entry.name === SIGNATURE_ENTRY) continue;
    const m = listed.get(entry.name);
    if (!m) throw new BundleError('manifest-inconsistent', { detail: `${entry.name} is in the bundle but not in the manifest` });
    if (m.size !== entry.size) throw new BundleError('entry-mismatch', { name: entry.name });
  }
  const present = new Set(entries.map((e) => e.name));
  for (const name of listed.keys()) {
    if (!present.has(name)) throw new BundleError('manifest-inconsistent', { detail: `${name} is listed but missing from the bundle` });
  }
  return listed;
}
