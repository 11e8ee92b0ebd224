/**
 * The network map: members as nodes coloured by business area (from the cheap members
 * call, so the map appears at once), then strong partnerships as lines (thickness =
 * score) and competitor conflicts in red once the report is in. Selecting a member
 * opens it; the list beside the canvas does the same from the keyboard.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { NetworkMember, NetworkReport } from './api-types.ts';
import { AREA_COLOURS, areaColour, areaName, DIRECT_CONFLICT_COLOUR, PARTIAL_CONFLICT_COLOUR, PARTNERSHIP_COLOUR, setAreaNames } from './area-palette.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';
import { clusterLayout, strongestPerMember } from './map-layout.ts';
import type { NetworkData } from './network-data.ts';

/** Lines per member: enough to show who belongs together, few enough to stay readable at 1,000 members. */
const PARTNERS_PER_MEMBER = 3;
/** Above this many members, names appear only when zoomed in. */
const LABEL_LIMIT = 120;

export interface MapTiming {
  /** Milliseconds from opening the page to the nodes on screen, and to the lines. */
  nodes?: number;
  /** The report arrived (fetched and parsed). */
  report?: number;
  edges?: number;
}

declare global {
  interface Window {
    /** Read by the browser tests and the benchmark. */
    partnerfitMap?: { cy: Core; timing: MapTiming };
  }
}

export function renderMap(container: HTMLElement, data: NetworkData, openMember: (id: string) => void): () => void {
  const started = performance.now();
  const timing: MapTiming = {};
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t('loading'));
  const partial = h('input', { type: 'checkbox', id: 'show-partial' });
  const canvas = h('div', { class: 'map-canvas', id: 'map-canvas', role: 'img', 'data-state': 'loading' });
  const search = h('input', { type: 'search', id: 'member-search', autocomplete: 'off' });
  const list = h('ul', { class: 'member-list', id: 'member-list' });
  const legend = h('ul', { class: 'legend', 'aria-label': t('legend') });
  const fillLegend = (areas: ReadonlySet<string | null>) =>
    legend.replaceChildren(
      ...Object.keys(AREA_COLOURS)
        .filter((area) => areas.has(area))
        .map((area) => swatch(areaColour(area), areaName(area), 'dot')),
      swatch(PARTNERSHIP_COLOUR, t('strongPartnership'), 'line'),
      swatch(DIRECT_CONFLICT_COLOUR, t('directConflict'), 'dash'),
      swatch(PARTIAL_CONFLICT_COLOUR, t('partialConflict'), 'dash'),
    );
  const capped = h('p', { class: 'note', id: 'edges-note' });
  container.append(
    h('h1', {}, t('mapTitle')),
    h('p', { class: 'intro' }, t('mapIntro')),
    status,
    h(
      'div',
      { class: 'map-layout' },
      h('div', { class: 'map-main' }, canvas, h('div', { class: 'map-controls' }, h('label', { class: 'check' }, partial, ' ', t('showPartial'))), legend, capped),
      h(
        'aside',
        { class: 'map-side', 'aria-labelledby': 'members-heading' },
        h('h2', { id: 'members-heading' }, t('membersList')),
        h('label', { for: 'member-search' }, t('findMember')),
        search,
        list,
      ),
    ),
  );

  let cy: Core | undefined;
  let disposed = false;
  let report: NetworkReport | undefined;
  let members: readonly NetworkMember[] = [];

  const fillList = () => {
    const query = search.value.trim().toLowerCase();
    const counts = new Map(report?.summaries.map((s) => [s.id, s.goodPartners]) ?? []);
    const shown = members.filter((m) => !query || m.name.toLowerCase().includes(query) || m.id.toLowerCase().includes(query)).slice(0, 200);
    list.replaceChildren(
      ...shown.map((m) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'member-button', 'data-member': m.id, onclick: () => openMember(m.id) },
            colourDot(areaColour(m.area)),
            h('span', { class: 'member-name' }, m.name),
            h('span', { class: 'member-meta' }, counts.has(m.id) ? t('goodPartners', { count: counts.get(m.id)! }) : areaName(m.area)),
          ),
        ),
      ),
    );
  };
  search.addEventListener('input', fillList);

  const addEdges = () => {
    if (!cy || !report) return;
    cy.remove('edge');
    const byId = new Set(members.map((m) => m.id));
    const all = report.partnerships.filter((p) => byId.has(p.self) && byId.has(p.other)).map((p) => ({ a: p.self, b: p.other, score: p.score }));
    const shown = strongestPerMember(all, PARTNERS_PER_MEMBER);
    const threshold = report.goodPartnerThreshold;
    const edges: ElementDefinition[] = shown.map((e) => ({
      group: 'edges',
      data: { id: `p:${e.a}:${e.b}`, source: e.a, target: e.b, kind: 'partner', width: 1 + ((e.score - threshold) / Math.max(0.01, 1 - threshold)) * 7 },
    }));
    for (const c of report.conflicts) {
      const level = c.competition.level;
      if (level === 'none' || (level === 'partial' && !partial.checked) || !byId.has(c.a) || !byId.has(c.b)) continue;
      edges.push({ group: 'edges', data: { id: `c:${c.a}:${c.b}`, source: c.a, target: c.b, kind: level, width: level === 'direct' ? 3.5 : 2.5 } });
    }
    cy.add(edges);
    canvas.dataset.edges = String(edges.length);
    capped.textContent = shown.length < all.length ? t('edgesCapped', { shown: shown.length, total: all.length, per: PARTNERS_PER_MEMBER }) : '';
  };
  partial.addEventListener('change', addEdges);

  void (async () => {
    try {
      members = await data.members();
      if (disposed) return;
      partial.checked = members.length <= 200;
      fillLegend(new Set(members.map((m) => m.area)));
      // The areas' names come with the concepts; the map does not wait for them.
      void data.areaNames().then((areaNames) => {
        if (disposed) return;
        setAreaNames(areaNames);
        fillLegend(new Set(members.map((m) => m.area)));
        fillList();
      }, () => {});
      canvas.setAttribute('aria-label', t('mapCanvasLabel', { network: data.network, count: members.length }));
      const positions = clusterLayout(members);
      const labels = members.length <= LABEL_LIMIT;
      cy = cytoscape({
        container: canvas,
        elements: members.map((m) => ({ group: 'nodes', data: { id: m.id, name: m.name, colour: areaColour(m.area) }, position: positions.get(m.id)! })),
        layout: { name: 'preset', fit: true, padding: 24 },
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(colour)',
              'border-width': 1,
              'border-color': '#1a202c',
              width: 22,
              height: 22,
              label: labels ? 'data(name)' : '',
              'font-size': 11,
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'min-zoomed-font-size': 6,
              color: '#1a202c',
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.7,
              'text-background-padding': '1px',
            },
          },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000', label: 'data(name)' } },
          { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'straight', opacity: members.length > 300 ? 0.35 : 0.75 } },
          { selector: 'edge[kind = "partner"]', style: { 'line-color': PARTNERSHIP_COLOUR } },
          // Conflicts arc away from the straight partnership lines, so both stay visible between one pair.
          {
            selector: 'edge[kind = "direct"], edge[kind = "partial"]',
            style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [24], 'control-point-weights': [0.5], 'line-style': 'dashed', 'line-dash-pattern': [6, 3], opacity: 0.95 },
          },
          { selector: 'edge[kind = "direct"]', style: { 'line-color': DIRECT_CONFLICT_COLOUR } },
          { selector: 'edge[kind = "partial"]', style: { 'line-color': PARTIAL_CONFLICT_COLOUR } },
        ],
        minZoom: 0.05,
        maxZoom: 4,
        boxSelectionEnabled: false,
        autoungrabify: true,
        // Large networks: draw lines only when the view stands still.
        hideEdgesOnViewport: members.length > 300,
        textureOnViewport: members.length > 300,
      });
      cy.on('tap', 'node', (event) => openMember(event.target.id() as string));
      cy.one('render', () => {
        timing.nodes = performance.now() - started;
        canvas.dataset.state = 'nodes';
      });
      window.partnerfitMap = { cy, timing };
      fillList();
      status.textContent = t('computingPartnerships', { count: members.length });
      report = await data.report(() => (status.textContent = t('stillComputing')));
      if (disposed) return;
      timing.report = performance.now() - started;
      addEdges();
      fillList();
      cy.one('render', () => {
        timing.edges = performance.now() - started;
        canvas.dataset.state = 'ready';
      });
      status.textContent = '';
      // The status line above the canvas is gone, so the canvas moved: cytoscape caches its
      // position for turning clicks into nodes, and would miss every click without this.
      cy.resize();
    } catch (error) {
      status.textContent = t('error', { message: (error as Error).message });
      canvas.dataset.state = 'error';
    }
  })();

  return () => {
    disposed = true;
    cy?.destroy();
    if (window.partnerfitMap?.cy === cy) delete window.partnerfitMap;
  };
}

function colourDot(colour: string): HTMLElement {
  const dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
  dot.style.background = colour; // through the CSSOM: the page's CSP forbids style attributes
  return dot;
}

function swatch(colour: string, label: string, shape: 'dot' | 'line' | 'dash'): HTMLElement {
  const mark = h('span', { class: `swatch ${shape}`, 'aria-hidden': 'true' });
  if (shape === 'dot') mark.style.background = colour;
  else mark.style.borderTopColor = colour;
  return h('li', {}, mark, label);
}
