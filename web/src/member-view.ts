/**
 * One member: their best partners with the five criteria as bars and the reasons in
 * words (the member's language, as the API writes them), and their competitors; for
 * admins also the member's give and take (from the network report's ledger).
 */
import { CRITERIA, type MemberProfile, type Suggestions } from './api-types.ts';
import { append, h, scoreBar } from './dom.ts';
import { language, t, formatScore } from './i18n.ts';
import { ledgerContent } from './ledger-view.ts';
import type { NetworkData } from './network-data.ts';

export function renderMember(container: HTMLElement, data: NetworkData, id: string, options: { readonly admin: boolean; readonly openMember: (id: string) => void }): () => void {
  let disposed = false;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t('loading'));
  const heading = h('h1', { id: 'member-heading', tabindex: -1 }, t('memberTitle'));
  const details = h('p', { class: 'member-details' });
  const partners = h('ol', { class: 'partners', id: 'partners' });
  const competitors = h('ul', { class: 'competitors', id: 'competitors' });
  // The ledger comes with the network report, which only admins may read.
  const ledger = options.admin ? h('div', { class: 'ledger-card', id: 'ledger', 'aria-busy': 'true' }, h('p', { class: 'status' }, t('loading'))) : null;
  if (options.admin) container.append(h('p', {}, h('a', { href: '#/map' }, `← ${t('backToMap')}`)));
  append(
    container,
    heading,
    details,
    status,
    ledger ? h('section', { 'aria-labelledby': 'ledger-heading' }, h('h2', { id: 'ledger-heading' }, t('ledgerTitle')), ledger) : null,
    h('section', { 'aria-labelledby': 'partners-heading' }, h('h2', { id: 'partners-heading' }, t('bestPartners')), partners),
    h('section', { 'aria-labelledby': 'competitors-heading' }, h('h2', { id: 'competitors-heading' }, t('competitors')), competitors),
  );
  heading.focus();

  const memberLink = (partner: string, name: string) =>
    options.admin ? h('a', { href: `#/member/${encodeURIComponent(partner)}` }, name) : h('span', {}, name);

  if (ledger) {
    // Apart from the partners: a large network's report can take a while the first time.
    data.report().then(
      (report) => {
        if (disposed) return;
        ledger.replaceChildren(...ledgerContent(report.ledger, id, report.currency, report.currencyPerEur));
        ledger.removeAttribute('aria-busy');
      },
      (error: Error) => {
        if (disposed) return;
        ledger.replaceChildren(h('p', { class: 'error' }, t('error', { message: error.message })));
        ledger.removeAttribute('aria-busy');
      },
    );
  }

  void (async () => {
    try {
      const encoded = encodeURIComponent(id);
      const [member, suggestions] = await Promise.all([
        data.api.get<MemberProfile>(`/members/${encoded}`),
        data.api.get<Suggestions>(`/members/${encoded}/suggestions?top=5&lang=${language()}`),
      ]);
      if (disposed) return;
      const p = member.profile;
      data.rememberName(p.id, p.name);
      heading.textContent = p.name;
      details.replaceChildren(
        [p.company, p.industry, p.region].filter(Boolean).join(' · '),
        h('br'),
        h('span', { class: 'services' }, (p.services ?? []).join(', ')),
      );
      partners.replaceChildren(
        ...suggestions.suggestions.map((s) =>
          h(
            'li',
            { class: 'partner-card', 'data-partner': s.partner },
            h('h3', {}, memberLink(s.partner, s.partnerName), ' ', h('span', { class: 'score' }, `${t('score')} ${formatScore(s.score)}`)),
            s.competitor !== 'none' ? h('p', { class: `badge ${s.competitor}` }, t('competitorWarning', { level: t(s.competitor) })) : null,
            h('div', { class: 'criteria' }, ...CRITERIA.map((c) => scoreBar(t(c), s.criteria[c], t('unknown'), c))),
            h('details', { open: true }, h('summary', {}, t('reasons')), h('ul', { class: 'reasons' }, ...s.reasons.map((r) => h('li', {}, r)))),
          ),
        ),
      );
      if (suggestions.suggestions.length === 0) partners.replaceChildren(h('li', {}, t('noPartners')));
      status.textContent = '';
      if (!options.admin) {
        competitors.replaceChildren(
          ...suggestions.excludedCompetitors.map((c) => h('li', {}, c)),
        );
        if (suggestions.excludedCompetitors.length === 0) competitors.replaceChildren(h('li', {}, t('noCompetitors')));
        return;
      }
      competitors.replaceChildren(h('li', {}, t('loading')));
      const [pairs] = await Promise.all([data.competitors(), data.members()]);
      if (disposed) return;
      const mine = pairs.filter((pair) => pair.a === id || pair.b === id).sort((x, y) => y.score - x.score);
      competitors.replaceChildren(
        ...mine.map((pair) => {
          const other = pair.a === id ? pair.b : pair.a;
          return h(
            'li',
            { 'data-competitor': other },
            memberLink(other, data.name(other)),
            ' ',
            h('span', { class: `badge ${pair.level}` }, t(pair.level)),
            ' ',
            h('span', { class: 'score' }, formatScore(pair.score)),
            h('ul', { class: 'reasons' }, ...pair.reasons.map((r) => h('li', {}, r))),
          );
        }),
      );
      if (mine.length === 0) competitors.replaceChildren(h('li', {}, t('noCompetitors')));
    } catch (error) {
      status.textContent = t('error', { message: (error as Error).message });
    }
  })();
  return () => {
    disposed = true;
  };
}
