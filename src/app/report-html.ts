/**
 * The network report as one self-contained HTML file: an SVG partner graph (members
 * on a circle, grouped and coloured by business area; good partnerships as lines
 * whose width is the score; competitor conflicts dashed red), the per-member table,
 * every partnership's per-criterion breakdown as bars, and the give/take ledger when
 * the network has activity. In one language throughout (report-phrases.ts): the one
 * most members write in, or the one asked for. No scripts, no external files: it opens
 * anywhere and prints well.
 */
import { ledgerTotals, type MemberLedger } from '../core/activity/network-ledger.ts';
import { CRITERION_NAMES } from '../core/criteria/criterion.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { AREA_NAMES, type ReasonLanguage } from '../core/reasons/reason-phrases.ts';
import { fillTemplate, formatScore, NUMBER_LOCALE, writeReasons } from '../core/reasons/reason-writer.ts';
import { ledgerFlagWords, ledgerNames, REPORT_PHRASES, reportDate, type ReportPhrases } from './report-phrases.ts';
import type { NetworkReportWithPolicy } from './scoring-jobs.ts';
import type { CurrencyCode } from '../core/money/exchange-rates.ts';
import { formatMoney } from '../core/money/format-money.ts';

/** Competitor lines: direct red, partial orange (as the tables' .direct and .partial, and the web page). */
const CONFLICT_COLOURS = { direct: '#d62728', partial: '#e67e22' } as const;

const AREA_COLOURS: Record<string, string> = {
  people: '#4e79a7', 'money-law': '#f28e2b', 'marketing-media': '#e15759', it: '#76b7b2', 'home-property': '#59a14f',
  health: '#edc948', 'events-hospitality': '#b07aa1', logistics: '#ff9da7', 'business-support': '#9c755f',
};

/** What the ledger says against a member, as marks: free rider, inactive since a date (none when neither). */
function ledgerFlags(m: MemberLedger, language: ReasonLanguage): string[] {
  return ledgerFlagWords(m, language).map((f) => `<span class="${f.kind === 'free-rider' ? 'direct' : 'partial'}">${esc(f.text)}</span>`);
}

/** A name short enough for the partner graph's labels (the full name and id are in the node's tooltip). */
function shortName(name: string): string {
  return name.length <= 20 ? name : `${name.slice(0, 19).trimEnd()}…`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderReportHtml(report: NetworkReportWithPolicy, knowledge: EngineKnowledge, language: ReasonLanguage = report.language, currency: CurrencyCode = report.currency): string {
  const t = REPORT_PHRASES[language];
  const label = (id: string | null) => (id ? knowledge.lexicon.label(id, language) : t.unrecognisedTrade);
  const fixed = (n: number) => formatScore(n, language);
  const level = (l: 'direct' | 'partial') => t.levels[l];
  const summaries = [...report.summaries].sort((a, b) => (a.area ?? '').localeCompare(b.area ?? '') || a.id.localeCompare(b.id));
  const size = 640;
  const centre = size / 2;
  // Room outside the circle for the members' names.
  const radius = size / 2 - 120;
  const position = new Map(
    summaries.map((s, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, summaries.length) - Math.PI / 2;
      return [s.id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), angle }];
    }),
  );
  const byId = new Map(report.summaries.map((m) => [m.id, m]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const edges = report.partnerships
    .map((p) => {
      const a = position.get(p.self)!;
      const b = position.get(p.other)!;
      return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#555" stroke-opacity="0.45" stroke-width="${(1 + 6 * (p.score - report.goodPartnerThreshold) / (1 - report.goodPartnerThreshold)).toFixed(1)}"><title>${esc(`${nameOf(p.self)} – ${nameOf(p.other)}: ${fixed(p.score)}`)}</title></line>`;
    })
    .join('\n');
  const conflicts = report.conflicts
    .map((c) => {
      const a = position.get(c.a)!;
      const b = position.get(c.b)!;
      return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${CONFLICT_COLOURS[c.competition.level as 'direct' | 'partial']}" stroke-width="${c.competition.level === 'direct' ? 3 : 1.5}" stroke-dasharray="6 4"><title>${esc(fillTemplate(t.conflictLine[c.competition.level as 'direct' | 'partial'], { a: nameOf(c.a), b: nameOf(c.b) }))}</title></line>`;
    })
    .join('\n');
  const nodes = summaries
    .map((s) => {
      const p = position.get(s.id)!;
      const anchor = Math.cos(p.angle) >= 0 ? 'start' : 'end';
      const lx = p.x + 12 * Math.cos(p.angle);
      const ly = p.y + 12 * Math.sin(p.angle);
      return `<g><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${(5 + Math.min(8, s.goodPartners)).toFixed(1)}" fill="${AREA_COLOURS[s.area ?? ''] ?? '#bbb'}" stroke="#222"><title>${esc(fillTemplate(t.memberNode, { name: s.name, id: s.id, trade: label(s.mainService), n: String(s.goodPartners) }))}</title></circle><text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="10" text-anchor="${anchor}" dominant-baseline="middle">${esc(shortName(s.name))}</text></g>`;
    })
    .join('\n');
  const legend = Object.entries(AREA_COLOURS)
    .filter(([area]) => summaries.some((s) => s.area === area))
    .map(([area, colour]) => `<span class="key"><i style="background:${colour}"></i>${esc(AREA_NAMES[language][area] ?? area)}</span>`)
    .join(' ');
  const rows = [...report.summaries]
    .sort((a, b) => b.goodPartners - a.goodPartners || a.id.localeCompare(b.id))
    .map(
      (s) =>
        `<tr><td>${esc(s.name)}<br><small>${esc(s.id)}</small></td><td>${esc(label(s.mainService))}</td><td class="n">${s.goodPartners}</td><td>${s.bestPartner ? `${esc(nameOf(s.bestPartner.partner))}<br><small>${esc(s.bestPartner.partner)} · ${fixed(s.bestPartner.score)}</small>` : '—'}</td><td>${s.conflicts.map((c) => `${esc(c.member)} <span class="${c.level}">${esc(level(c.level))}</span>`).join(', ') || '—'}</td></tr>`,
    )
    .join('\n');
  const bar = (value: number | null) =>
    value === null ? `<span class="unknown">${esc(t.unknown)}</span>` : `<span class="bar"><b style="width:${Math.round(value * 100)}%"></b></span> ${fixed(value)}`;
  // A partner who only takes, or has gone quiet, is marked where the partnership is listed.
  const mark = (id: string) => {
    const m = report.ledger?.members.find((x) => x.id === id);
    if (!m) return '';
    return ledgerFlags(m, language).map((f) => ` <small>(${f})</small>`).join('');
  };
  const pairs = report.partnerships
    .slice(0, 60)
    .map((p) => {
      const reasons = writeReasons(p.facts, language, knowledge, 4, { currency }).map((r) => `<li>${esc(r)}</li>`).join('');
      return `<tr><td>${esc(nameOf(p.self))}${mark(p.self)} – ${esc(nameOf(p.other))}${mark(p.other)}</td><td class="n">${fixed(p.score)}</td>${CRITERION_NAMES.map((c) => `<td>${bar(p.criteria[c])}</td>`).join('')}<td><ul lang="${language}">${reasons}</ul></td></tr>`;
    })
    .join('\n');
  const recruit = report.missingTrades
    .slice(0, 8)
    .map((m) => `<li><b>${esc(label(m.concept))}</b> — ${esc(fillTemplate(t.recruitItem, { value: fixed(m.value), members: m.beneficiaries.slice(0, 8).map(nameOf).join(', ') }))}</li>`)
    .join('');
  const ledger = ledgerSection(report, label, t, language, currency);
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fillTemplate(t.title, { network: report.network }))}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
.n{text-align:right}.direct{color:#d62728;font-weight:600}.partial{color:#e67e22}
.bar{display:inline-block;width:60px;height:8px;background:#eee;vertical-align:middle}.bar b{display:block;height:8px;background:#4e79a7}
.unknown{color:#999;font-style:italic}.key{margin-right:12px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:5px}
ul{margin:0;padding-left:16px}svg{max-width:100%;height:auto}
</style></head><body>
<h1>${esc(fillTemplate(t.heading, { network: report.network }))}</h1>
<p>${esc(fillTemplate(t.members, { n: String(report.members) }))} · <b>${esc(t.policies[report.policy])}</b> · ${esc(fillTemplate(t.partnerships, { n: String(report.partnerships.length), threshold: report.goodPartnerThreshold.toLocaleString(NUMBER_LOCALE[language]) }))} · ${esc(fillTemplate(t.competitorPairs, { n: String(report.conflicts.length) }))} · ${esc(t.model)} ${esc(report.configVersion)}</p>
<h2>${esc(t.graph)}</h2>
<p>${legend} <span class="key">${esc(t.competitorsDashed)}:</span> <span class="key"><i style="background:${CONFLICT_COLOURS.direct}"></i>${esc(t.levels.direct)}</span> <span class="key"><i style="background:${CONFLICT_COLOURS.partial}"></i>${esc(t.levels.partial)}</span></p>
<svg viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${esc(t.graph)}">
${edges}
${conflicts}
${nodes}
</svg>
<h2>${esc(t.membersHeading)}</h2>
<table><thead><tr><th>${esc(t.memberColumns[0])}</th><th>${esc(t.memberColumns[1])}</th><th class="n">${esc(t.memberColumns[2])}</th><th>${esc(t.memberColumns[3])}</th><th>${esc(t.memberColumns[4])}</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>${esc(fillTemplate(t.withoutPartner, { members: report.withoutGoodPartner.join(', ') || t.none }))}</p>
<h2>${esc(t.recruitHeading)}</h2><ol>${recruit || `<li>${esc(t.noMissingTrade)}</li>`}</ol>
<h2>${esc(t.pairsHeading)}</h2>
<p>${esc(t.pairsNote)}</p>
<table><thead><tr><th>${esc(t.pair)}</th><th class="n">${esc(t.score)}</th>${CRITERION_NAMES.map((c) => `<th>${esc(t.criteria[c])}</th>`).join('')}<th>${esc(t.why)}</th></tr></thead><tbody>
${pairs}
</tbody></table>
${ledger}
</body></html>
`;
}


/** The give/take ledger (referrals given and received, business closed each way, free riders, quiet members, flow between trades), or a sentence when there is no activity. */
function ledgerSection(report: NetworkReportWithPolicy, label: (id: string | null) => string, t: ReportPhrases, language: ReasonLanguage, currency: CurrencyCode): string {
  const ledger = report.ledger;
  const eur = (value: number) => formatMoney(value, language, currency);
  if (!ledger || ledger.activities === 0) {
    const [before, after] = t.noActivity.split('{command}');
    return `<h2>${esc(t.ledgerHeading)}</h2>\n<p>${esc(before!)}<code>partnerfit ingest-activity FILE</code>${esc(after ?? '')}</p>`;
  }
  const flag = (m: MemberLedger) => ledgerFlags(m, language).join(', ') || '—';
  const rows = [...ledger.members]
    .sort((a, b) => b.valueGivenEur - a.valueGivenEur || a.id.localeCompare(b.id))
    .map(
      (m) =>
        `<tr><td>${esc(m.name)}<br><small>${esc(m.id)}</small></td><td class="n">${m.given}</td><td class="n">${m.givenWon}</td><td class="n">${eur(m.valueGivenEur)}</td><td class="n">${m.received}</td><td class="n">${m.receivedWon}</td><td class="n">${eur(m.valueReceivedEur)}</td><td class="n">${m.meetings}</td><td>${esc(m.lastActivity ? reportDate(m.lastActivity, language) : '—')}</td><td>${flag(m)}</td></tr>`,
    )
    .join('\n');
  const trade = (id: string) => (id === 'unknown' ? t.unrecognisedTrade : label(id));
  const flow = ledger.tradeFlow
    .slice(0, 10)
    .map((f) => `<li>${esc(trade(f.from))} → ${esc(trade(f.to))}: ${esc(fillTemplate(t.flowItem, { n: String(f.referrals), won: String(f.won), value: eur(f.valueEur) }))}</li>`)
    .join('');
  const sum = ledgerTotals(ledger);
  const totals = `<tr><th>${esc(fillTemplate(t.ledgerTotal, { n: String(sum.members) }))}</th><td class="n">${sum.given}</td><td class="n">${sum.givenWon}</td><td class="n">${eur(sum.valueGivenEur)}</td><td class="n">${sum.received}</td><td class="n">${sum.receivedWon}</td><td class="n">${eur(sum.valueReceivedEur)}</td><td class="n">${sum.meetings}</td><td></td><td></td></tr>`;
  // Member and flag columns left, counts and amounts right.
  const columns = t.ledgerColumns.map((c, k) => `<th${k === 0 || k >= 8 ? '' : ' class="n"'}>${esc(c)}</th>`).join('');
  return `<h2>${esc(t.ledgerHeading)}</h2>
<p>${esc(fillTemplate(t.ledgerNote, { n: String(ledger.activities), asOf: ledger.asOf ? reportDate(ledger.asOf, language) : '—', days: String(ledger.quietDays) }))}</p>
<table><thead><tr>${columns}</tr></thead><tbody>
${rows}
</tbody><tfoot>${totals}</tfoot></table>
<p>${esc(fillTemplate(t.freeRiders, { members: ledgerNames(ledger, ledger.freeRiders, language) }))}</p>
<p>${esc(fillTemplate(t.goneQuiet, { members: ledgerNames(ledger, ledger.goneQuiet, language) }))}</p>
<h2>${esc(t.flowHeading)}</h2><ol>${flow || `<li>${esc(t.noReferrals)}</li>`}</ol>`;
}
