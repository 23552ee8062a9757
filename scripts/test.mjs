// `npm test`: every check in one command — types, lint, build, unit + integration + CLI + e2e
// tests — ending with one line "N passed, N failed" (what CI reads).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const step = (name, args) => {
  console.log(`\n▶ ${name}`);
  execFileSync(process.execPath, args, { stdio: 'inherit' });
};

let passed = 0;
let failed = 0;
try {
  step('typecheck (shared, renderer, node)', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.shared.json']);
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.renderer.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node.json'], { stdio: 'inherit' });
  step('lint', ['node_modules/eslint/bin/eslint.js', '.']);
  step('build', ['scripts/build.mjs']);
} catch {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-output', { recursive: true });
console.log('\n▶ tests (unit, integration, CLI, end-to-end)');
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-output/vitest.json'],
  { stdio: 'inherit' },
);
try {
  const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
} catch {
  failed = Math.max(failed, 1);
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
