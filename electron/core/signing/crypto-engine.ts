import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/**
 * The pkijs engine over Node's WebCrypto, passed explicitly to every pkijs call so nothing
 * depends on pkijs's global engine (which another module could replace).
 */
export const cryptoEngine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto });
