/**
 * Progress on stderr: a bar with rate and ETA when stderr is a terminal, a line
 * every few seconds otherwise (logs, CI), nothing with `--quiet`.
 */
import { SingleBar } from 'cli-progress';

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

export function createProgress(label: string, unit: string, quiet = false): ProgressReporter {
  if (quiet) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    });
    const started = Date.now();
    let running = false;
    return {
      update(done, total) {
        if (!running) {
          bar.start(total, 0, { rate: '0' });
          running = true;
        }
        bar.setTotal(total);
        bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)).toString() });
      },
      stop() {
        if (running) bar.stop();
      },
    };
  }
  // Without a terminal, one line every 5 s, so short jobs stay silent.
  const started = Date.now();
  let last = started;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 5000) return;
      last = now;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      process.stderr.write(`${label}: ${done}/${total} ${unit} (${Math.round(rate)}/s)\n`);
    },
    stop() {},
  };
}
