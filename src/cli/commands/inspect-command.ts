/** `partnerfit inspect ID [--json]`: the stored member as the engine understood them. */
import type { Command } from 'commander';
import type { InspectedConcept, MemberInspection } from '../../app/member-inspection.ts';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description('show a stored member as the engine understood them')
    .argument('<id>', 'member id')
    .option('--json', 'print as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const inspection = await withPartnerfit((app) => app.inspect(id));
      if (flags.json) printJson(inspection);
      else printLines(formatInspection(inspection));
    });
}

/** Each concept as the member wrote it and as the engine calls it: `"Umzugsreinigung" → Reinigung [svc.facility-cleaning, 0.85, compound]`. */
const concepts = (list: readonly InspectedConcept[]): string =>
  list.length === 0
    ? '(none recognised)'
    : list
        .map((c) => `${c.term && c.term !== c.label ? `"${c.term}" → ` : ''}${c.label} [${c.id}, ${c.weight.toFixed(2)}${c.via === 'label' ? '' : `, ${c.via}`}]`)
        .join('; ');
const weights = (record: Record<string, number>): string =>
  Object.keys(record).length === 0 ? '(unknown)' : Object.entries(record).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');

export function formatInspection(m: MemberInspection): string[] {
  const unrecognised = [
    ...m.unrecognised.services.map((s) => `service "${s}"`),
    ...m.unrecognised.targetIndustries.map((s) => `industry "${s}"`),
    ...m.unrecognised.contactRoles.map((s) => `contact "${s}"`),
  ];
  return [
    `${m.name}${m.company ? ` (${m.company})` : ''} — ${m.id}, network ${m.network ?? '(none)'}`,
    `  language       ${m.language.code ?? 'unknown'} (${m.language.source}${m.language.source === 'detected' ? `, confidence ${m.language.confidence.toFixed(2)}` : ''})`,
    `  region         ${m.region.text ?? '(none)'}${m.region.key ? ` → ${m.region.key} (area ${m.region.area})` : ''}`,
    `  NACE           ${m.nace ?? '(none)'}`,
    `  business area  ${weights(m.areas)}`,
    `  services       ${concepts(m.services)}`,
    `  customers      ${concepts(m.targetIndustries)}; sizes: ${m.sizes.join(', ') || '(unknown)'}`,
    `  contacts       ${concepts(m.contacts.roles)}`,
    `  seniority      ${weights(m.contacts.seniority)}`,
    `  function       ${weights(m.contacts.functions)}`,
    `  stage          ${weights(m.stages)}`,
    `  deal value     ${m.dealValue ? `${m.dealValue.amount} ${m.dealValue.currency}${m.dealValue.currencyInferred ? ' (currency assumed)' : ''} = ${m.dealValue.eur} EUR` : '(unknown)'}`,
    `  capacity       ${m.capacity ?? '(unknown)'}`,
    `  interests      ${concepts(m.interests)}`,
    ...(unrecognised.length > 0 ? [`  not recognised ${unrecognised.join('; ')}`] : []),
    `  vectors        ${m.vectors.version}${m.vectors.current ? '' : ' (stale)'}`,
  ];
}
