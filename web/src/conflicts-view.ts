/** Every competitor pair of the network, filterable, with the network's policy (which an admin can change). */
import type { CompetitorPair, Policy } from './api-types.ts';
import { h } from './dom.ts';
import { t, formatScore } from './i18n.ts';
import type { NetworkData } from './network-data.ts';

export function renderConflicts(container: HTMLElement, data: NetworkData): () => void {
  let disposed = false;
  let pairs: readonly CompetitorPair[] = [];
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t('loading'));
  const filter = h('input', { type: 'search', id: 'conflict-filter', autocomplete: 'off' });
  const level = h(
    'select',
    { id: 'conflict-level' },
    h('option', { value: '' }, t('allLevels')),
    h('option', { value: 'direct' }, t('direct')),
    h('option', { value: 'partial' }, t('partial')),
  );
  const count = h('p', { class: 'note', role: 'status', 'aria-live': 'polite', id: 'conflict-count' });
  const body = h('tbody');
  const policyNote = h('span', { role: 'status', 'aria-live': 'polite', class: 'note' });
  const radios = (['exclusive', 'open'] as const).map((p) => h('input', { type: 'radio', name: 'policy', id: `policy-${p}`, value: p }));
  container.append(
    h('h1', {}, t('conflictsTitle')),
    h(
      'fieldset',
      { class: 'policy' },
      h('legend', {}, t('policy')),
      h('label', { for: 'policy-exclusive' }, radios[0]!, ' ', t('policyExclusive')),
      h('label', { for: 'policy-open' }, radios[1]!, ' ', t('policyOpen')),
      policyNote,
    ),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'conflict-filter' }, t('filter')),
      filter,
      h('label', { for: 'conflict-level' }, t('level')),
      level,
    ),
    status,
    count,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'conflicts', id: 'conflicts-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('memberA')), h('th', { scope: 'col' }, t('memberB')), h('th', { scope: 'col' }, t('level')), h('th', { scope: 'col' }, t('reasons')))),
        body,
      ),
    ),
  );

  const show = () => {
    const query = filter.value.trim().toLowerCase();
    const wanted = level.value;
    const matching = pairs.filter((p) => {
      if (wanted && p.level !== wanted) return false;
      if (!query) return true;
      return [p.a, p.b, data.name(p.a), data.name(p.b), ...p.reasons].some((s) => s.toLowerCase().includes(query));
    });
    const shown = matching.slice(0, 500);
    body.replaceChildren(
      ...shown.map((p) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `#/member/${encodeURIComponent(p.a)}` }, data.name(p.a))),
          h('td', {}, h('a', { href: `#/member/${encodeURIComponent(p.b)}` }, data.name(p.b))),
          h('td', {}, h('span', { class: `badge ${p.level}` }, t(p.level)), ' ', formatScore(p.score)),
          h('td', {}, p.reasons.join(' ')),
        ),
      ),
    );
    count.textContent = t('conflictsShown', { shown: matching.length, total: pairs.length });
  };
  filter.addEventListener('input', show);
  level.addEventListener('change', show);

  const setPolicy = async (policy: Policy) => {
    try {
      await data.api.request('PUT', `/networks/${encodeURIComponent(data.network)}/policy`, { text: JSON.stringify({ policy }), type: 'application/json' });
      data.invalidate();
      policyNote.textContent = t('policySaved', { policy: policy === 'open' ? t('policyOpen') : t('policyExclusive') });
    } catch (error) {
      policyNote.textContent = t('error', { message: (error as Error).message });
    }
  };
  for (const radio of radios) radio.addEventListener('change', () => radio.checked && void setPolicy(radio.value as Policy));

  void (async () => {
    try {
      const [policy, found] = await Promise.all([data.policy(), data.competitors(), data.members()]);
      if (disposed) return;
      pairs = [...found].sort((x, y) => (x.level === y.level ? y.score - x.score : x.level === 'direct' ? -1 : 1));
      for (const radio of radios) radio.checked = radio.value === policy;
      status.textContent = '';
      show();
    } catch (error) {
      status.textContent = t('error', { message: (error as Error).message });
    }
  })();
  return () => {
    disposed = true;
  };
}
