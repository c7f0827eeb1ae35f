import { PALETTE } from '../config';

export const TICK = { fontSize: 12, fill: PALETTE.muted } as const;
export const LABEL = { fontSize: 11, fill: PALETTE.muted } as const;
export const TOOLTIP_STYLE = { borderRadius: 8, borderColor: PALETTE.grid, fontSize: 13 } as const;
/** Short category labels so a 390 px phone keeps them on one line. */
export const truncate = (text: string, max = 18) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** "80 %" with a no-break space, so an axis tick or bar label never wraps before the sign. */
export const pct = (v: number) => `${v}\u00a0%`;
