/** Recruit next: the trades the network lacks, by the partner value they would add, and who would gain. */
import { h, scoreBar } from './dom.ts';
import { t, formatScore } from './i18n.ts';
import type { NetworkData } from './network-data.ts';

export function renderRecruit(container: HTMLElement, data: NetworkData): () => void {
  let disposed = false;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t('loading'));
  const list = h('ol', { class: 'trades', id: 'missing-trades' });
  container.append(h('h1', {}, t('recruitTitle')), h('p', { class: 'intro' }, t('recruitIntro')), status, list);
  void (async () => {
    try {
      const [report, concepts] = await Promise.all([data.report(() => (status.textContent = t('stillComputing'))), data.concepts(), data.members()]);
      if (disposed) return;
      const top = Math.max(1, ...report.missingTrades.map((m) => m.value));
      list.replaceChildren(
        ...report.missingTrades.map((trade) =>
          h(
            'li',
            { 'data-trade': trade.concept },
            h('h2', {}, data.conceptLabel(concepts, trade.concept)),
            // The bar is relative to the most valuable trade; the number is the report's own.
            scoreBar(t('value'), trade.value / top, t('unknown'), '', formatScore(trade.value)),
            h(
              'p',
              {},
              h('strong', {}, `${t('partnerFor')}: `),
              ...trade.beneficiaries.slice(0, 8).flatMap((id, i) => [i > 0 ? ', ' : '', h('a', { href: `#/member/${encodeURIComponent(id)}` }, data.name(id))]),
              trade.beneficiaries.length > 8 ? ` +${trade.beneficiaries.length - 8}` : '',
            ),
          ),
        ),
      );
      status.textContent = report.missingTrades.length === 0 ? t('noMissingTrades') : '';
    } catch (error) {
      status.textContent = t('error', { message: (error as Error).message });
    }
  })();
  return () => {
    disposed = true;
  };
}
