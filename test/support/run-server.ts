/** Starts the real `partnerfit serve` on a free port, as a user would, and stops it with SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './run-cli.ts';

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Log lines (stdout, JSON) and notes (stderr) so far. */
  readonly logs: string[];
  readonly notes: string[];
  stop(): Promise<number | null>;
}

export function startServer(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    const logs: string[] = [];
    const notes: string[] = [];
    let buffered = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      logs.push(...lines);
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${notes.join('\n')}`)), 180_000);
    child.stderr!.on('data', (d: Buffer) => {
      notes.push(...d.toString().split('\n').filter(Boolean));
      const started = notes.map((n) => /partnerfit serving (http:\/\/\S+)/.exec(n)).find(Boolean);
      if (started) {
        clearTimeout(timer);
        resolve({
          url: started[1]!,
          child,
          logs,
          notes,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${notes.join('\n')}`));
    });
  });
}
