import { RulesPackError } from '../rules/errors';
import { loadInstalledPack, loadPinnedPack, type RulesLocation } from '../rules/installed';
import { BundleError } from './errors';
import type { Manifest } from './manifest';

/**
 * The bundle's project must be assessable here: its pinned pack installed with the very same
 * content hash (or, for a project not pinned yet, some version of its pack).
 * @throws BundleError `rules-pack-missing` | `rules-pack-differs`; RulesPackError when the
 * installed pack itself is broken (a local problem, reported as such).
 */
export async function checkRulesPack(rulesDir: RulesLocation, pin: Manifest['rulesPack']): Promise<void> {
  const pack = pin.version ? `${pin.id}@${pin.version}` : pin.id;
  try {
    if (pin.version && pin.contentHash) await loadPinnedPack(rulesDir, { id: pin.id, version: pin.version, contentHash: pin.contentHash });
    else await loadInstalledPack(rulesDir, pin.id, pin.version ?? undefined);
  } catch (e) {
    if (!(e instanceof RulesPackError)) throw e;
    if (e.code === 'not-found') throw new BundleError('rules-pack-missing', { pack }, { cause: e });
    if (e.code === 'hash-mismatch') throw new BundleError('rules-pack-differs', { pack, found: String(e.params.found), expected: String(pin.contentHash) }, { cause: e });
    throw e;
  }
}
