import { afterEach, describe, expect, test } from 'vitest';
// The renderer's `window.api` declaration, for the typecheck of the module under test.
import type {} from '../../renderer/src/global';
import { ApiError, call } from '../../renderer/src/lib/api';
import { escapeUnsafeText } from '../../shared/domain/text';

const ESC = '\x1b';
const stored = `Quiet${ESC}[31m Motors\u202e gnp.exe\u2066`;

/** The renderer's bridge as the preload gives it, answering every channel with `reply`. */
function bridge(reply: unknown): void {
  (globalThis as { window?: unknown }).window = { api: new Proxy({}, { get: () => async () => reply }) };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('the screens get every value from main with unsafe characters shown escaped', () => {
  test('a reply: names escaped wherever they sit, line feeds and tabs of notes kept, the rest untouched', async () => {
    bridge({ ok: true, value: [{ id: 'p1', name: stored, notes: 'line one\n\tline two', n: 3, ciio: false, site: null }] });
    const list = await call('projects:list', {});
    expect(list).toEqual([{ id: 'p1', name: 'Quiet\\x1b[31m Motors\\u202e gnp.exe\\u2066', notes: 'line one\n\tline two', n: 3, ciio: false, site: null }]);
    // No override survives to reorder the text around it, however the component places it.
    // eslint-disable-next-line no-control-regex -- looking for ESC is the point
    expect(JSON.stringify(list)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u001b]/u);
  });

  test('an error message naming a file', async () => {
    bridge({ ok: false, error: { code: 'not-found', message: `Evidence file not found: a\u202eb${ESC}]8;;x${ESC}\\` } });
    const error = await call('projects:list', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(escapeUnsafeText(`Evidence file not found: a\u202eb${ESC}]8;;x${ESC}\\`));
    expect((error as ApiError).message).toContain('\\u202e');
  });
});
