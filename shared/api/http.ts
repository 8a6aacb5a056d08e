/** The loopback web door's one convention beyond the contract: the header that carries the per-run token. */
export const TOKEN_HEADER = 'X-HealthPlan-Token';
