/** What every drawing step needs: traits, layout, palette and the id prefix. */
import type { Layout } from './layout.ts';
import type { Palette } from './palette.ts';
import type { Traits } from './traits.ts';

export interface Ctx {
  t: Traits;
  L: Layout;
  c: Palette;
  /** Element id prefix, unique per face. */
  id: string;
}
