/**
 * The `partnerfit` command line: a thin wrapper over the programmatic API. Results go
 * to stdout (`--json` for programs), progress and warnings to stderr; errors end in
 * one line and an exit code (see exit-codes.ts).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { PartnerfitError } from '../core/errors.ts';
import { registerApplicantsCommand } from './commands/applicants-command.ts';
import { registerDemoCommand } from './commands/demo-command.ts';
import { registerKeysCommand } from './commands/keys-command.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerIngestActivityCommand } from './commands/ingest-activity-command.ts';
import { registerTrainCommand } from './commands/train-command.ts';
import { registerEvalCommand } from './commands/eval-command.ts';
import { registerInspectCommand } from './commands/inspect-command.ts';
import { registerCompetitorsCommand } from './commands/competitors-command.ts';
import { registerNetworksCommand } from './commands/networks-command.ts';
import { registerPolicyCommand } from './commands/policy-command.ts';
import { registerReportCommand } from './commands/report-command.ts';
import { registerSuggestCommand } from './commands/suggest-command.ts';
import { EXIT, exitCodeOf } from './exit-codes.ts';

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What the executable knew before it loaded anything. */
export interface Launch {
  /** The process that started this one, read first thing (by start-up's end it may be one that adopted it). */
  readonly parentPid: number;
}

export function buildProgram(launch: Launch = { parentPid: process.ppid }): Command {
  const program = new Command()
    .name('partnerfit')
    .description('Find the best referral partners in business networks, flag competitors, score applicants.')
    .version(PACKAGE_VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run partnerfit --help for usage)')
    // Usage errors begin like every other error of the tool ("partnerfit: required option …").
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'partnerfit: ')) })
    .exitOverride();
  registerIngestCommand(program);
  registerIngestActivityCommand(program);
  registerInspectCommand(program);
  registerSuggestCommand(program);
  registerCompetitorsCommand(program);
  registerReportCommand(program);
  registerApplicantsCommand(program);
  registerNetworksCommand(program);
  registerPolicyCommand(program);
  registerServeCommand(program, launch);
  registerKeysCommand(program);
  registerTrainCommand(program);
  registerEvalCommand(program);
  registerDemoCommand(program);
  return program;
}

export async function runCli(argv: readonly string[], launch?: Launch): Promise<void> {
  // `partnerfit report --json | head`: a closed pipe ends the output, it is no failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = buildProgram(launch);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; everything else commander rejects is usage.
      process.exitCode = error.exitCode === 0 ? EXIT.done : EXIT.usage;
      return;
    }
    process.exitCode = exitCodeOf(error);
    let message = error instanceof PartnerfitError ? error.message : `unexpected failure: ${(error as Error)?.stack ?? String(error)}`;
    // At the terminal (not over HTTP, where it would show a member other members' ids) say where the ids are.
    if (error instanceof PartnerfitError && error.code === 'not-found' && /^no member with id "[^"]*"$/.test(error.message)) {
      message += ' (partnerfit networks lists the networks, partnerfit report --network ID their members with their ids)';
    }
    process.stderr.write(`partnerfit: ${message}\n`);
  }
}
