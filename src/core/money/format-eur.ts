/**
 * An amount in EUR as every output writes it: whole euros, digits grouped by threes with
 * a space ("148 022 EUR"), the same in every language. The HTML report passes a narrow
 * no-break space and a no-break space, so that an amount never wraps.
 */
export function formatEur(value: number, groupSeparator = ' ', unitSeparator = ' '): string {
  return `${Math.round(value).toLocaleString('en').replaceAll(',', groupSeparator)}${unitSeparator}EUR`;
}
