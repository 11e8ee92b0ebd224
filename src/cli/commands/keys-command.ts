/** `partnerfit keys create --role admin|member --network ID [--member ID] [--json]`: an API key, shown once. */
import type { Command } from 'commander';
import { PartnerfitError } from '../../core/errors.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('API keys for the HTTP server');
  keys
    .command('create')
    .description('create an API key (the secret is shown once; only its hash is stored)')
    .requiredOption('--role <role>', 'admin (a whole network) or member (one member)')
    .requiredOption('--network <id>', 'the network the key is for')
    .option('--member <id>', 'the member (member keys)')
    .option('--json', 'print as JSON')
    .action(async (flags: { role: string; network: string; member?: string; json?: boolean }) => {
      if (flags.role !== 'admin' && flags.role !== 'member') throw new PartnerfitError('usage', `--role must be admin or member, not "${flags.role}"`);
      const created = await withPartnerfit((app) => app.createApiKey(flags.role as 'admin' | 'member', flags.network, flags.member ?? null));
      const view = { key: created.key, role: created.role, network: created.network, member: created.member };
      if (flags.json) printJson(view);
      else {
        printLines([created.key]);
        note(`${created.role} key for ${created.network}${created.member ? `, member ${created.member}` : ''}; store it now: it is not shown again`);
      }
    });
}
