import { da } from './da';

/** The message catalogue. Danish is the only language so far. */
export const t = da;
