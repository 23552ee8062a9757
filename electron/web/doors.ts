import type { IncomingMessage } from 'node:http';

/** Why a request is turned away before anything runs: `host` and `origin` are 403s. */
export type DoorRefusal = 'host' | 'origin' | null;

/** The origins the page itself can have: the two names of the loopback address, on our port. */
const ownOrigins = (port: number) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

/**
 * The checks every request passes, static files included. `Host` must name us (a DNS-rebinding
 * page reaches 127.0.0.1 under its own name); an `Origin`, when sent, must be ours (another web
 * page cannot drive the workbench); and `Sec-Fetch-Site`, when sent, must say the request came
 * from our own page or from the user typing the address.
 */
export function checkDoors(req: IncomingMessage, port: number): DoorRefusal {
  const host = req.headers.host?.toLowerCase();
  if (!host || !ownOrigins(port).some((o) => o === `http://${host}`)) return 'host';
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin.toLowerCase())) return 'origin';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'origin';
  return null;
}
