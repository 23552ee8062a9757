import { events, type EventName } from '../../../../shared/ipc/events';
import { WEB_API } from '../../../../shared/ipc/web';

const RETRY_MS = 2_000;

/** One `event:`/`data:` block of a server-sent event stream, checked against the declared events. */
function parseBlock(block: string, deliver: (name: EventName, payload: unknown) => void): void {
  let name = '';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) name = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  if (!Object.hasOwn(events, name)) return;
  try {
    const parsed = events[name as EventName].safeParse(JSON.parse(data));
    if (parsed.success) deliver(name as EventName, parsed.data);
  } catch {
    // A malformed event is dropped, like an unknown one.
  }
}

/**
 * Reads the host's server-sent events with fetch (not EventSource, which cannot send the token
 * in a header), reconnecting while the server is there; stops for good on a 401.
 */
export function streamEvents(token: string, deliver: (name: EventName, payload: unknown) => void): void {
  const connect = async () => {
    try {
      const response = await fetch(WEB_API.events, { headers: { [WEB_API.tokenHeader]: token }, cache: 'no-store' });
      if (response.status === 401) return;
      if (response.ok && response.body) {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            parseBlock(buffer.slice(0, end), deliver);
            buffer = buffer.slice(end + 2);
          }
        }
      }
    } catch {
      // The server went away or the network blinked: try again shortly.
    }
    setTimeout(() => void connect(), RETRY_MS);
  };
  void connect();
}
