/**
 * The renderer's Content Security Policy: nothing from off the machine, no eval, no plugins.
 * Inline styles are allowed because Ant Design's CSS-in-JS injects <style> elements; inline
 * scripts are not. The browser host (electron/web) sends the same header; renderer/index.html
 * repeats it in a meta tag as a second layer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
