import type { ServerResponse } from 'node:http';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { API_HEADERS } from './headers';

/** A comment line keeps idle streams open through anything that times out quiet connections. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events to every open page: what `Ports.emit` pushes (job progress). A page reads
 * the stream with fetch, so its token travels in a header like every other API call.
 */
export class EventHub {
  private readonly streams = new Set<ServerResponse>();
  private readonly heartbeat = setInterval(() => this.write(': ping\n\n'), HEARTBEAT_MS).unref();

  /** Starts an event stream on `res`; it ends when the page goes away or the hub closes. */
  open(res: ServerResponse): void {
    res.writeHead(200, { ...API_HEADERS, 'content-type': 'text/event-stream; charset=utf-8' });
    res.write(': open\n\n');
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  private write(text: string): void {
    for (const res of this.streams) res.write(text);
  }
}
