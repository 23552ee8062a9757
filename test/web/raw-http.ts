import { connect, type Socket } from 'node:net';

/** A response as read off the socket. `status` is 0 when the server closed without answering. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end < 0) return { status: 0, headers: {}, body: text };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/**
 * Sends bytes exactly as given (fetch would normalise `..`, encode backslashes and fix lengths)
 * and reads until the server closes. `then` may write more or end the socket early.
 */
export function rawRequest(port: number, head: string, body: Buffer | string = '', then?: (socket: Socket) => void): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('utf8'))));
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n\r\n');
    if (body.length) socket.write(body);
    if (then) then(socket);
  });
}
