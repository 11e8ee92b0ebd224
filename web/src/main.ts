/**
 * The web page for network admins: sign in with an API key, then the map, a member,
 * the conflicts, the applicants and the trades to recruit, one view at a time, chosen
 * by the URL's hash (#/map, #/member/ID …) so the browser's back button works and the
 * server needs no routes of its own. Member keys see only their own member view.
 */
import './styles.css';
import { ApiClient, storedKey, storeKey } from './api-client.ts';
import type { Me } from './api-types.ts';
import { renderApplicants } from './applicants-view.ts';
import { renderConflicts } from './conflicts-view.ts';
import { h } from './dom.ts';
import { language, LANGUAGES, setLanguage, t, type MessageKey } from './i18n.ts';
import { renderMember } from './member-view.ts';
import { NetworkData } from './network-data.ts';
import { renderMap } from './network-map.ts';
import { renderRecruit } from './recruit-view.ts';

const root = document.getElementById('app')!;
let session: { me: Me; data: NetworkData } | null = null;
let disposeView: () => void = () => {};

const ADMIN_PAGES: readonly { hash: string; label: MessageKey }[] = [
  { hash: '#/map', label: 'navMap' },
  { hash: '#/conflicts', label: 'navConflicts' },
  { hash: '#/applicants', label: 'navApplicants' },
  { hash: '#/recruit', label: 'navRecruit' },
];

function languagePicker(): HTMLElement {
  const select = h('select', { id: 'ui-language' }, ...LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, l.toUpperCase())));
  select.addEventListener('change', () => {
    setLanguage(select.value as (typeof LANGUAGES)[number]);
    render();
  });
  return h('span', { class: 'language' }, h('label', { for: 'ui-language' }, t('language')), ' ', select);
}

function renderSignIn(message = ''): void {
  disposeView();
  const input = h('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = h('p', { class: 'error', role: 'alert', id: 'sign-in-error' }, message);
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-heading' },
    h('h1', { id: 'sign-in-heading' }, `partnerfit — ${t('signInTitle')}`),
    h('p', {}, t('signInIntro')),
    h('label', { for: 'api-key' }, t('apiKey')),
    input,
    h('button', { type: 'submit', id: 'sign-in' }, t('signIn')),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(input.value.trim()).catch((e: Error) => (error.textContent = t('signInFailed', { message: e.message })));
  });
  root.replaceChildren(h('header', { class: 'top' }, h('span', { class: 'brand' }, 'partnerfit'), languagePicker()), h('main', { id: 'main' }, form));
  input.focus();
}

async function signIn(key: string): Promise<void> {
  const api = new ApiClient(key);
  const me = await api.get<Me>('/me');
  storeKey(key);
  session = { me, data: new NetworkData(api, me.network) };
  if (!location.hash || location.hash === '#/') location.hash = me.role === 'admin' ? '#/map' : `#/member/${encodeURIComponent(me.member ?? '')}`;
  render();
}

function signOut(): void {
  storeKey(null);
  session = null;
  history.replaceState(null, '', location.pathname);
  renderSignIn();
}

function render(): void {
  if (!session) return renderSignIn();
  disposeView();
  const { me, data } = session;
  const hash = location.hash || (me.role === 'admin' ? '#/map' : `#/member/${me.member ?? ''}`);
  const nav = h(
    'nav',
    { 'aria-label': 'partnerfit' },
    h(
      'ul',
      {},
      ...(me.role === 'admin' ? ADMIN_PAGES : []).map((page) =>
        h('li', {}, h('a', { href: page.hash, 'aria-current': hash.startsWith(page.hash) ? 'page' : null }, t(page.label))),
      ),
    ),
  );
  const signOutButton = h('button', { type: 'button', class: 'link', id: 'sign-out' }, t('signOut'));
  signOutButton.addEventListener('click', signOut);
  const main = h('main', { id: 'main', class: hash.replace(/^#\/([a-z]+).*/, 'page-$1') });
  root.replaceChildren(
    h('header', { class: 'top' }, h('span', { class: 'brand' }, 'partnerfit'), h('span', { class: 'network' }, `${t('network')}: ${me.network}`), nav, languagePicker(), signOutButton),
    main,
  );
  const openMember = (id: string) => (location.hash = `#/member/${encodeURIComponent(id)}`);
  const memberMatch = /^#\/member\/(.+)$/.exec(hash);
  if (memberMatch) {
    const id = decodeURIComponent(memberMatch[1]!);
    // A member key may look only at its own member.
    disposeView = renderMember(main, data, me.role === 'admin' ? id : (me.member ?? id), { admin: me.role === 'admin', openMember });
    return;
  }
  if (me.role !== 'admin') {
    main.append(h('p', {}, t('memberKeyNote')));
    disposeView = renderMember(main, data, me.member ?? '', { admin: false, openMember });
    return;
  }
  if (hash.startsWith('#/conflicts')) disposeView = renderConflicts(main, data);
  else if (hash.startsWith('#/applicants')) disposeView = renderApplicants(main, data);
  else if (hash.startsWith('#/recruit')) disposeView = renderRecruit(main, data);
  else disposeView = renderMap(main, data, openMember);
}

window.addEventListener('hashchange', () => session && render());
document.documentElement.lang = language();
const remembered = storedKey();
if (remembered) void signIn(remembered).catch(() => renderSignIn());
else renderSignIn();
