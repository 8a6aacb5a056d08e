// The map's pixel budget where WebGL is drawn in software (renderer/features/map/lightMotion.ts): the
// frame's drawing time goes with its pixels, so the resolution is chosen to keep a frame within a budget,
// never sharper than the screen and never softer than a floor that keeps labels legible.
import { describe, expect, it } from 'vitest';
import { budgetPixelRatio, IDLE_FLOOR, IDLE_PIXELS, MOVING_FLOOR, MOVING_PIXELS } from '../../../renderer/features/map/lightMotion.ts';

describe('budgetPixelRatio', () => {
  it("draws the e2e window's map (900 × 600 CSS px) at about 0.64 when idle and 0.54 while moving", () => {
    // sqrt(220,000 / 540,000) = sqrt(0.4074) = 0.6383; sqrt(160,000 / 540,000) = sqrt(0.2963) = 0.5443
    expect(budgetPixelRatio(900 * 600, 1, IDLE_PIXELS, IDLE_FLOOR)).toBeCloseTo(0.6383, 4);
    expect(budgetPixelRatio(900 * 600, 1, MOVING_PIXELS, MOVING_FLOOR)).toBeCloseTo(0.5443, 4);
    // so the idle frame has 900·0.6383 × 600·0.6383 ≈ 220,000 pixels, 41% of the sharp frame's
    const r = budgetPixelRatio(900 * 600, 1, IDLE_PIXELS, IDLE_FLOOR);
    expect(Math.round(900 * r * 600 * r)).toBe(220_000);
  });

  it("draws a small map sharp: never above the screen's own ratio", () => {
    // 400 × 300 = 120,000 px: sqrt(220,000 / 120,000) = 1.354, held to the screen's 1 (or 2 on a HiDPI screen)
    expect(budgetPixelRatio(400 * 300, 1, IDLE_PIXELS, IDLE_FLOOR)).toBe(1);
    expect(budgetPixelRatio(400 * 300, 2, IDLE_PIXELS, IDLE_FLOOR)).toBeCloseTo(1.354, 3);
  });

  it('keeps a large map at the floor rather than blurring its labels', () => {
    // 1600 × 1000 = 1,600,000 px: sqrt(220,000 / 1,600,000) = 0.371 < 0.6, so 0.6; moving 0.316 < 0.4, so 0.4
    expect(budgetPixelRatio(1600 * 1000, 1, IDLE_PIXELS, IDLE_FLOOR)).toBe(0.6);
    expect(budgetPixelRatio(1600 * 1000, 1, MOVING_PIXELS, MOVING_FLOOR)).toBe(0.4);
  });

  it("draws at the screen's ratio while the map has no size yet", () => {
    expect(budgetPixelRatio(0, 1.5, IDLE_PIXELS, IDLE_FLOOR)).toBe(1.5);
  });
});
