export { MAX_BYTES, parseMeetingText } from './parse';
export type * from './types';
