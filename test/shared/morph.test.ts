import { describe, expect, it } from 'vitest';
import golden from '../golden/morph.json' with { type: 'json' };
import { sinCorrectlyRounded } from '../../shared/morph-sin.ts';
import { linearSchedule, linspace, morphProgress, planMorph, frameProgress, trigSchedule } from '../../shared/morph.ts';

// The original's schedules computed in Python (scripts/golden/morph.py).
const schedules = golden.schedules as Record<string, { linear: number[]; trig: number[]; trig_numpy: number[] }>;
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
  it.each(sizes)('equals the original (glibc 2.27 correctly rounded sin) for n = %i bit for bit', (n) => {
    expect(trigSchedule(n)).toEqual(schedules[String(n)]!.trig);
  });

  // Today's glibc sin (this numpy) is sometimes 1 ulp off the correctly rounded value; sin is
  // within [-1, 1], so that is at most 2^-52, halved by the * 0.5. This tolerance is for the
  // trig schedule only, and only against a libm that is not correctly rounded.
  it.each(sizes)('is within one ulp of sin of what this machine\'s numpy prints for n = %i', (n) => {
    const numpy = schedules[String(n)]!.trig_numpy;
    trigSchedule(n).forEach((v, i) => expect(Math.abs(v - numpy[i]!)).toBeLessThanOrEqual(2 ** -53));
  });

  it('goes from 1 through 0 at the middle and almost back', () => {
    const vals = trigSchedule(50);
    expect(vals[0]).toBe(1);
    expect(vals[25]).toBe(0);
    expect(vals[49]).toBeCloseTo((Math.cos((2 * Math.PI * 49) / 50) + 1) / 2, 15);
  });

  it('computes a correctly rounded sine', () => {
    // Values where Math.sin or glibc >= 2.28 round the wrong way (exact digits from a 60-digit series).
    expect(sinCorrectlyRounded(5.183627878423159)).toBe(-0.8910065241883679);
    expect(sinCorrectlyRounded(6.126105674500097)).toBe(-0.1564344650402311);
    expect(sinCorrectlyRounded(7.498329635454883)).toBe(0.9374196611341207);
    expect(sinCorrectlyRounded(Math.PI / 2)).toBe(1);
    expect(sinCorrectlyRounded(0)).toBe(0);
    for (let x = -3; x < 8; x += 0.01) expect(Math.abs(sinCorrectlyRounded(x) - Math.sin(x))).toBeLessThanOrEqual(2 ** -52);
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
    for (const n of [3, 10, 49, 50, 200]) {
      for (const kind of ['linear', 'trig'] as const) {
        const plan = planMorph(kind, n);
        for (let i = 0; i < n; i++) expect(frameProgress(kind, n, i)).toBe(plan.renders[plan.frameToRender[i]!]);
      }
    }
    expect(frameProgress('linear', 3, 1)).toBe(0.5);
    expect(() => frameProgress('trig', 10, 10)).toThrow(RangeError);
    expect(() => frameProgress('trig', 10, 1.5)).toThrow(RangeError);
  });
});
