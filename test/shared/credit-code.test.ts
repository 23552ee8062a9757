import { describe, expect, test } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem } from '../../shared/domain/credit-code';
import { ProjectInput } from '../../shared/domain/project';

describe('unified social credit code', () => {
  // Real, publicly listed codes of well-known companies.
  test.each(['91350100M000100Y43', '91110000600037341L', '911100007109250324'])('%s is valid', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  test('every other check character is refused', () => {
    const first17 = '91350100M000100Y4';
    const good = creditCodeCheckChar(first17);
    for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      expect(creditCodeProblem(first17 + ch)).toBe(ch === good ? null : 'check');
    }
  });

  test('length and alphabet are checked before the check character', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length');
    expect(creditCodeProblem('91350100M0001O0Y43')).toBe('charset');
  });

  test('the schema upper-cases and trims, and reports a catalogue key', () => {
    expect(ProjectInput.parse({ name: 'a', organization: 'b', creditCode: ' 91350100m000100y43 ' }).creditCode).toBe('91350100M000100Y43');
    const bad = ProjectInput.safeParse({ name: 'a', organization: 'b', creditCode: '91350100M000100Y44' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toEqual([expect.objectContaining({ path: ['creditCode'], message: 'v.creditCode.check' })]);
  });

  test('an audit period must not end before it starts, and dates must exist', () => {
    const base = { name: 'a', organization: 'b', creditCode: '91350100M000100Y43' };
    expect(ProjectInput.safeParse({ ...base, auditStart: '2026-03-01', auditEnd: '2026-02-01' }).error?.issues[0]?.message).toBe('v.dateOrder');
    expect(ProjectInput.safeParse({ ...base, auditStart: '2026-02-30' }).error?.issues[0]?.message).toBe('v.date');
    expect(ProjectInput.safeParse({ ...base, auditStart: '2026-02-28', auditEnd: '2026-02-28' }).success).toBe(true);
  });
});
