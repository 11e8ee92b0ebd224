/**
 * The value most of a group shares (a network's language, its currency): null when
 * there are none, or when two values are as common as each other, so that the caller
 * falls back to a neutral default instead of picking one side of a tie.
 */
export function mostCommon<T>(values: Iterable<T>): T | null {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) ? null : ranked[0]![0];
}
