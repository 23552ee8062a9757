import { CONTENT_SECURITY_POLICY } from '../main/app/csp';

/**
 * On every response: the desktop window's CSP (which already says `frame-ancestors 'none'`),
 * no MIME sniffing, no referrer, no framing, a window and resources of our own. Never a CORS header.
 */
export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** API answers are never stored by the browser. */
export const API_HEADERS = { ...SECURITY_HEADERS, 'cache-control': 'no-store' } as const;
