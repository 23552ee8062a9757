import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from 'vitest';

/** The Electron binary cannot be downloaded here, so the packaging config is checked by reading it. */
test('packaging: three platforms, native module unpacked and rebuilt, no auto-update, nothing published', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed YAML document
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;
  expect(config.productName).toBe('ADSG Workbench');
  expect(config.linux.target).toEqual(['AppImage', 'deb']);
  expect(config.win.target).toEqual(['nsis']);
  expect(config.mac.target).toEqual(['dmg']);
  expect(config.npmRebuild).toBe(true);
  expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  expect(config.publish).toBeNull();
  expect(config.files).toContain('dist/**/*');
  expect(config.files).toContain('assets/fonts/**');

  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
  expect(pkg.main).toBe('dist/main/index.cjs');
  expect(Object.keys(pkg.dependencies)).not.toContain('electron-updater');
  expect(pkg.dependencies).toHaveProperty('better-sqlite3');
});
