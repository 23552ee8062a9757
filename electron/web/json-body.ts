import type { IncomingMessage } from 'node:http';
import { WebError } from './web-error';

/**
 * Reads a JSON request body of at most `limit` bytes: a larger Content-Length is refused before
 * reading, and a body that grows past the limit stops being read at once (the refusal then
 * closes the connection, so the rest is never read either).
 * @throws WebError 415 (not JSON by type), 413 (too large), 400 (not parseable)
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;.*)?$/i.test(type)) return Promise.reject(new WebError(415, 'validation', 'content-type'));
  const tooLarge = () => new WebError(413, 'validation', 'too-large', { max: limit });
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).pause();
      reject(tooLarge());
    };
    const onEnd = () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        reject(new WebError(400, 'validation', 'not-json'));
      }
    };
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}
