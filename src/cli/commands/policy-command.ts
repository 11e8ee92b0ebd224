/** `partnerfit policy --network ID [exclusive|open] [--json]`: show or set a network's competitor policy. */
import type { Command } from 'commander';
import { PartnerfitError } from '../../core/errors.ts';
import { NETWORK_POLICIES, unknownNetwork, type NetworkPolicy } from '../../storage/network-store.ts';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';

export function registerPolicyCommand(program: Command): void {
  program
    .command('policy')
    .description('show or set a network\'s competitor policy: exclusive (one seat per trade, as in BNI) or open')
    .requiredOption('--network <id>', 'network id')
    .argument('[policy]', NETWORK_POLICIES.join(' or '))
    .option('--json', 'print as JSON')
    .action(async (policy: string | undefined, flags: { network: string; json?: boolean }) => {
      if (policy !== undefined && !(NETWORK_POLICIES as readonly string[]).includes(policy)) {
        throw new PartnerfitError('usage', `policy must be ${NETWORK_POLICIES.join(' or ')}, not "${policy}"`);
      }
      const info = await withPartnerfit(async (app) => {
        if (policy) return app.setPolicy(flags.network, policy as NetworkPolicy);
        const networks = await app.networks();
        const found = networks.find((n) => n.id === flags.network);
        if (!found) throw unknownNetwork(flags.network, networks.map((n) => n.id));
        return found;
      });
      if (flags.json) printJson(info);
      else printLines([`network ${info.id}: policy ${info.policy}, ${info.members} members`]);
    });
}
