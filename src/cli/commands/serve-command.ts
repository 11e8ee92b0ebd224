/** `partnerfit serve [--port N] [--host H]`: the HTTP API (see src/http) and the web page (web/, built into dist/web). SIGTERM or Ctrl-C drains, then exits; so does the end of npm when npm started it. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createPartnerfit } from '../../app/partnerfit.ts';
import { PartnerfitError } from '../../core/errors.ts';
import { startHttpServer } from '../../http/http-server.ts';
import { databaseOptionsFromEnv } from '../../storage/database.ts';
import type { Launch } from '../main.ts';
import { note } from '../output.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
/** How often a server started by npm checks that npm is still there. */
const PARENT_CHECK_MS = 1000;

export function registerServeCommand(program: Command, { parentPid }: Launch): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI document at /openapi.json)')
    .option('--port <n>', 'port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--log-level <level>', `log level: ${LOG_LEVELS.join(', ')}`, 'info')
    .option('--threads <n>', 'scoring worker threads (default: one per core, at most 4)')
    .option('--body-limit <mb>', 'largest request body in MB (larger ones get 413)', '10')
    .option('--timeout <s>', 'seconds before a request is answered 503', '30')
    .action(async (flags: { port: string; host: string; logLevel: string; threads?: string; bodyLimit: string; timeout: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PartnerfitError('usage', `--port must be a port number, not "${flags.port}"`);
      if (!(LOG_LEVELS as readonly string[]).includes(flags.logLevel)) throw new PartnerfitError('usage', `--log-level must be one of ${LOG_LEVELS.join(', ')}`);
      const threads = flags.threads === undefined ? -1 : Number(flags.threads);
      if (!Number.isInteger(threads) || threads < -1 || threads > 64) throw new PartnerfitError('usage', `--threads must be a whole number from 0 to 64, not "${flags.threads}"`);
      const bodyLimitMb = Number(flags.bodyLimit);
      if (!(bodyLimitMb > 0 && bodyLimitMb <= 1024)) throw new PartnerfitError('usage', `--body-limit must be a number of MB from 0 to 1024, not "${flags.bodyLimit}"`);
      const timeoutS = Number(flags.timeout);
      if (!(timeoutS > 0 && timeoutS <= 3600)) throw new PartnerfitError('usage', `--timeout must be a number of seconds up to 3600, not "${flags.timeout}"`);
      const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
      const webRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
      const app = await createPartnerfit({ ...databaseOptionsFromEnv(), scoringThreads: threads, preloadScopes: true });
      let server;
      try {
        await app.loadProfileReader();
        server = await startHttpServer(app, {
          port,
          host: flags.host,
          logLevel: flags.logLevel as (typeof LOG_LEVELS)[number],
          version,
          bodyLimit: Math.round(bodyLimitMb * 1024 * 1024),
          requestTimeoutMs: timeoutS * 1000,
          webRoot,
        });
      } catch (error) {
        await app.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') throw new PartnerfitError('usage', `cannot listen on ${flags.host}:${port}: ${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}`);
        throw error;
      }
      note(`partnerfit serving ${server.url} (database: ${app.database.kind} ${app.database.location}); OpenAPI at ${server.url}/openapi.json`);
      if (existsSync(`${webRoot}index.html`)) note(`web page at ${server.url}/`);
      else note('the web page is not built (npm run build:web), so only the API is served');
      await new Promise<void>((resolve) => {
        let closing = false;
        const stop = (signal: string) => {
          if (closing) return;
          closing = true;
          note(`${signal}: finishing requests in flight, then stopping`);
          void server
            .close()
            .then(() => app.close())
            .then(resolve, (error: Error) => {
              note(`partnerfit: stopping failed: ${error.message}`);
              process.exitCode = 3;
              resolve();
            });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
        // Started by npm (`npx partnerfit serve`, an npm script), the server runs under a shell that does
        // not pass signals on: stopping npm would leave it running, holding the port and the embedded
        // database. So it stops, the same way, when that parent is gone: when its parent is no longer
        // the one the executable read before loading anything (npm may go while the server starts, and
        // then the server is adopted before it could first look). Started otherwise (the installed
        // executable, a service manager) it runs until told to stop.
        if (process.env.npm_command) {
          const checkParent = () => {
            if (process.ppid !== parentPid) stop('npm, which started the server, has exited');
          };
          checkParent();
          setInterval(checkParent, PARENT_CHECK_MS).unref();
        }
      });
    });
}
