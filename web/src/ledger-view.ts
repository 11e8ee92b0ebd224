/**
 * One member's give and take, from the ledger the network report carries (admins: the
 * report is theirs): referrals given and received, how many were won, the business
 * closed both ways, one-to-ones, the last activity, and the free-rider and gone-quiet
 * flags with the reason for each. A network without activity says so in a sentence
 * instead of showing a table of zeros.
 */
import type { MemberLedger, NetworkLedger } from './api-types.ts';
import { h } from './dom.ts';
import { language, t } from './i18n.ts';

/** `currency`, `perEur`: the network's currency and its units per EUR (the ledger's amounts are in EUR). */
export function ledgerContent(ledger: NetworkLedger | null | undefined, id: string, currency = 'EUR', perEur = 1): HTMLElement[] {
  if (!ledger) return [h('p', { class: 'note', id: 'ledger-empty' }, t('ledgerNoActivity'))];
  const mine = ledger.members.find((m) => m.id === id);
  if (!mine) return [h('p', { class: 'note', id: 'ledger-empty' }, t('ledgerNotListed'))];
  const asOf = ledger.asOf ?? '—';
  // The code (SEK, DKK), as the reasons and the report write it: "kr" would not tell Swedish from Danish kronor.
  const money = new Intl.NumberFormat(language(), { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: 0 });
  const amount = (eur: number) => money.format(Math.round(eur * perEur));
  const row = (field: string, label: string, given: string | number, received: string | number) =>
    h(
      'tr',
      { 'data-row': field },
      h('th', { scope: 'row' }, label),
      h('td', { 'data-field': `${field}-given` }, given),
      h('td', { 'data-field': `${field}-received` }, received),
    );
  return [
    h('h3', { id: 'ledger-flags-heading' }, t('ledgerFlags')),
    flagList(mine, ledger, asOf),
    h(
      'div',
      { class: 'ledger-figures' },
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'ledger', id: 'ledger-table' },
          h('caption', {}, t('ledgerIntro', { date: asOf })),
          h('thead', {}, h('tr', {}, h('td'), h('th', { scope: 'col' }, t('ledgerGiven')), h('th', { scope: 'col' }, t('ledgerReceived')))),
          h(
            'tbody',
            {},
            row('referrals', t('ledgerReferrals'), mine.given, mine.received),
            row('won', t('ledgerWon'), mine.givenWon, mine.receivedWon),
            row('value', t('ledgerValue'), amount(mine.valueGivenEur), amount(mine.valueReceivedEur)),
          ),
        ),
      ),
      h(
        'dl',
        { class: 'ledger-facts' },
        h('dt', {}, t('ledgerMeetings')),
        h('dd', { 'data-field': 'meetings' }, mine.meetings),
        h('dt', {}, t('ledgerLastActivity')),
        h('dd', { 'data-field': 'last-activity' }, mine.lastActivity ?? '—'),
      ),
    ),
    h('details', { class: 'ledger-how' }, h('summary', {}, t('ledgerHow')), h('p', {}, t('ledgerHowText', { days: ledger.quietDays, currency }))),
  ];
}

function flagList(mine: MemberLedger, ledger: NetworkLedger, asOf: string): HTMLElement {
  const flags: HTMLElement[] = [];
  if (mine.freeRider) {
    flags.push(h('li', { 'data-flag': 'free-rider' }, h('span', { class: 'badge flag' }, t('flagFreeRider')), ' ', t('flagFreeRiderWhy', { received: mine.received })));
  }
  if (mine.goneQuiet) {
    flags.push(h('li', { 'data-flag': 'gone-quiet' }, h('span', { class: 'badge flag' }, t('flagGoneQuiet')), ' ', t('flagGoneQuietWhy', { days: ledger.quietDays, date: asOf })));
  }
  if (flags.length === 0) flags.push(h('li', { 'data-flag': 'none' }, t('ledgerNoFlags')));
  return h('ul', { class: 'ledger-flags', 'aria-labelledby': 'ledger-flags-heading' }, ...flags);
}
