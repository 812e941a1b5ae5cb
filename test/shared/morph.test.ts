import { describe, expect, it } from 'vitest';
import golden from '../golden/morph.json' with { type: 'json' };
import { linearSchedule, linspace, morphProgress, planMorph, frameProgress, trigSchedule } from '../../shared/morph.ts';

// numpy's values for the original's formulas (scripts/golden/morph.py).
const schedules = golden.schedules as Record<string, { linear: number[]; trig: number[] }>;
const sizes = Object.keys(schedules).map(Number);

describe('linearSchedule', () => {
  it.each(sizes)('equals numpy linspace(1, 0, %i) bit for bit', (n) => {
    expect(linearSchedule(n)).toEqual(schedules[String(n)]!.linear);
  });

  it('starts at 1 and ends at exactly 0', () => {
    expect(linearSchedule(7)[0]).toBe(1);
    expect(linearSchedule(7)[6]).toBe(0);
    expect(linspace(0, 1, 1)).toEqual([0]);
  });
});

describe('trigSchedule', () => {
  // V8's Math.sin and glibc's sin (which numpy used) may round differently in the last bit.
  // sin is within [-1, 1], so one ulp of it is at most 2^-52, halved by the * 0.5: values may
  // differ from numpy by at most 2^-53. This tolerance applies ONLY to the trig schedule.
  const oneSinUlp = 2 ** -53;

  it.each(sizes)('matches numpy for n = %i within one ulp of sin', (n) => {
    const expected = schedules[String(n)]!.trig;
    const actual = trigSchedule(n);
    expect(actual).toHaveLength(n);
    actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(oneSinUlp));
  });

  it('goes from 1 through 0 at the middle and almost back', () => {
    const vals = trigSchedule(50);
    expect(vals[0]).toBe(1);
    expect(vals[25]).toBe(0);
    expect(vals[49]).toBeCloseTo((Math.cos((2 * Math.PI * 49) / 50) + 1) / 2, 15);
  });
});

describe('morphProgress', () => {
  it('is 1 - vals', () => {
    expect(morphProgress([1, 0.75, 0])).toEqual([0, 0.25, 1]);
  });
});

describe('planMorph', () => {
  it('renders only n/2 + 1 frames for trig with even n, mirroring frame i onto n - i', () => {
    const plan = planMorph('trig', 50);
    expect(plan.renders).toHaveLength(26);
    expect(plan.frameToRender).toHaveLength(50);
    for (let i = 1; i < 50; i++) expect(plan.frameToRender[i]).toBe(plan.frameToRender[50 - i]);
    const p = morphProgress(trigSchedule(50));
    for (let i = 0; i <= 25; i++) expect(plan.renders[plan.frameToRender[i]!]).toBe(p[i]);
  });

  it('renders every frame of a linear morph once, in order', () => {
    const plan = planMorph('linear', 5);
    expect(plan.renders).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(plan.frameToRender).toEqual([0, 1, 2, 3, 4]);
  });

  it('never renders the same p twice and maps each frame to its own p', () => {
    for (const n of [3, 7, 51, 200]) {
      for (const kind of ['linear', 'trig'] as const) {
        const plan = planMorph(kind, n);
        expect(new Set(plan.renders).size).toBe(plan.renders.length);
        const p = morphProgress(kind === 'linear' ? linearSchedule(n) : trigSchedule(n));
        plan.frameToRender.forEach((r, i) => {
          const source = kind === 'trig' && n % 2 === 0 && i > n / 2 ? n - i : i;
          expect(plan.renders[r]).toBe(p[source]);
        });
      }
    }
  });

  it('gives morphframe the same p as the animation frame', () => {
    const plan = planMorph('trig', 10);
    expect(frameProgress('trig', 10, 7)).toBe(plan.renders[plan.frameToRender[7]!]);
    expect(frameProgress('linear', 3, 1)).toBe(0.5);
    expect(() => frameProgress('trig', 10, 10)).toThrow(RangeError);
  });
});
