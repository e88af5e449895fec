/** How many items fall under each value of a key; an item with several values (themes) counts under each. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string | readonly string[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const keys = keyOf(item);
    for (const key of typeof keys === 'string' ? [keys] : keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
