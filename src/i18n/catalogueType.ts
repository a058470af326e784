/** The type every language's catalogue has: English's shape, every text widened to `string`. */
import type { en } from './en';
import type { Plural } from './fill';

/** English's shape with every text widened to `string` (plural entries stay `Plural`). */
type PluralForm = keyof Plural;
type Widen<T> = T extends string
  ? string
  : T extends Plural
    ? [Exclude<keyof T, PluralForm>] extends [never]
      ? Plural
      : { readonly [K in keyof T]: Widen<T[K]> }
    : { readonly [K in keyof T]: Widen<T[K]> };
export type Catalogue = Widen<typeof en>;
export type Section = keyof Catalogue;
