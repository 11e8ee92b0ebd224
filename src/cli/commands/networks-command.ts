/** `partnerfit networks [--json]`: the stored networks, their members and competitor policies. */
import type { Command } from 'commander';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';

export function registerNetworksCommand(program: Command): void {
  program
    .command('networks')
    .description('list the stored networks with their member counts and competitor policies')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }) => {
      const networks = await withPartnerfit((app) => app.networks());
      if (flags.json) return printJson(networks);
      if (networks.length === 0) return printLines(['no networks stored yet: partnerfit ingest FILE (or npm start for the demo)']);
      const width = Math.max(...networks.map((n) => n.id.length));
      printLines([
        `${networks.length} network${networks.length === 1 ? '' : 's'}, ${networks.reduce((sum, n) => sum + n.members, 0)} members:`,
        ...networks.map((n) => `  ${n.id.padEnd(width)}  ${String(n.members).padStart(6)} members  policy ${n.policy}`),
      ]);
    });
}
