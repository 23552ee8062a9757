/** Longest file name kept, in UTF-8 bytes: under every file system's 255 with room to spare. */
const MAX_NAME_BYTES = 240;

/**
 * A name the user's file can have on this machine's disk: path separators, control characters
 * and characters Windows refuses become `_`; the extension is kept (it decides the media type).
 * Null for a name that is empty, `.`/`..` or too long, which are refused rather than cut.
 */
export function diskFileName(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const name = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, '_').trim();
  if (!name || name === '.' || name === '..' || Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return null;
  return name;
}

/** `Content-Disposition` for a download: an ASCII fallback and the exact UTF-8 name (RFC 6266/5987). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
