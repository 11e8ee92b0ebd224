/** Writing results: JSON for programs (`--json`), text for people; both to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A message for the person at the terminal (warnings, progress notes): stderr. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
