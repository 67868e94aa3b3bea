import type { fr } from './fr';

/** The shape of the French catalogue with every text widened to string: what another language must provide. */
export type Messages<T = typeof fr> = { -readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
