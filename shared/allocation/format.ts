/** Whole numbers as the allocator's sentences write them — 1,500 — by hand, as this runs for every figure of every line (toLocaleString and a regex are many times slower). */
export function int(n: number): string {
  if (n < 1000 && n > -1000) return String(n);
  if (n === Infinity) return '∞';
  if (n < 0) return `-${int(-n)}`;
  const s = String(n);
  let i = s.length % 3 || 3,
    out = s.slice(0, i);
  for (; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}
