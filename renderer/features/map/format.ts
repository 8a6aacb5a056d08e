/** Figures as planners read them: people with thousands separators, shares to one decimal. */
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtShare = (s: number | null) => (s === null ? '—' : `${(s * 100).toFixed(1)}%`);
