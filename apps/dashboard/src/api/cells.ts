/**
 * Statistics come back whole, or as a small cell withheld (`suppressed: true`, docs/metrics.md): a page draws
 * what it may and says how many groups it could not show, never a zero in their place.
 */
export interface Visible<T> {
  readonly items: readonly T[];
  readonly withheld: number;
}

export function visible<T extends { readonly suppressed: boolean }>(items: readonly T[]): Visible<Extract<T, { readonly suppressed: false }>> {
  const whole = items.filter((i): i is Extract<T, { readonly suppressed: false }> => !i.suppressed);
  return { items: whole, withheld: items.length - whole.length };
}
