/** The loopback web door's one convention beyond the contract: the header that carries the per-run token. */
export const TOKEN_HEADER = 'X-HealthPlan-Token';
/**
 * Asked with this header set to `text`, a method whose result is a string (access.areasGeoJson) is answered
 * with that string as the body itself, not inside the reply envelope: the page reads it as a Blob without
 * decoding it on its main thread. Refusals and errors are the envelope as ever.
 */
export const REPLY_HEADER = 'X-HealthPlan-Reply';
