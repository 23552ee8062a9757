/** A suggested file name made from user text: no path separators or characters Windows refuses. */
export function safeFileName(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return text.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '_').trim().slice(0, 80) || 'adsg';
}
