/** How a statistic reaches a reader: whole, or withheld as a small cell (docs/metrics.md, "Small cells"). */

/** A figure with the partnerships it was computed from (never sent: only counted and checked). */
export interface Cell {
  readonly partnershipIds: readonly string[];
}

/** A cell as sent: without its partnership list, and either whole or reduced to what names it (`suppressed: true`). */
export type Published<T extends Cell, W> = (Omit<T, 'partnershipIds'> & { readonly suppressed: false }) | (W & { readonly suppressed: true });
