/** numpy's legacy `RandomState`: MT19937 plus the polar Box-Muller `randn`, bit for bit. */
import { glibcLog } from './log.ts';
import { MT19937 } from './mt19937.ts';

/** A numpy `RandomState(seed)` restricted to what CheckFace uses: standard normal draws. */
export class RandomState {
  private readonly mt: MT19937;
  // numpy keeps the second value of each accepted pair for the next call, across randn calls.
  private hasGauss = false;
  private gauss = 0;

  /** Same as `numpy.random.RandomState(seed)` for an integer 0 <= seed <= 2**32 - 1. */
  constructor(seed: number) {
    this.mt = new MT19937(seed);
  }

  /** One standard normal double, as numpy's legacy `legacy_gauss`. */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.mt.nextDouble() - 1.0;
      x2 = 2.0 * this.mt.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `n` standard normal doubles, as `RandomState.randn(n)`. */
  randn(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.standardNormal();
    return out;
  }
}
