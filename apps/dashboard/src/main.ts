import './styles/app.css';
import { ApiError, gql, whenUnauthenticated } from './api/graphql-client.js';
import { ME } from './api/queries.js';
import { canWrite, type Role, session, setSession, storedKey, takeKeyFromUrl } from './auth/session.js';
import { h, link, replace } from './components/dom.js';
import { currentCalendar, onCalendarChange, setCalendar } from './i18n/dates.js';
import { navigate, onNavigate, render, route, startRouter } from './router.js';
import { actorListView, actorView } from './views/actor.view.js';
import { followUpsView } from './views/follow-ups.view.js';
import { ingestView } from './views/ingest.view.js';
import { loginView } from './views/login.view.js';
import { meetingListView, proposalListView, searchView } from './views/lists.view.js';
import { meetingView } from './views/meeting.view.js';
import { overviewView } from './views/overview.view.js';
import { pairView } from './views/pair.view.js';
import { sourcesView } from './views/sources.view.js';

const app = document.getElementById('app')!;

/** The key's role, as the API knows it. */
const roleOf = async (key: string) => (await gql<{ me: { role: Role; keyId: string } }>(ME, undefined, key)).me.role;

/** Checks a key against the API and learns its role. */
async function signIn(key: string): Promise<void> {
  if (!key) throw new Error('Enter a key.');
  setSession({ key, role: await roleOf(key), label: null });
}

function shell(): HTMLElement {
  const outlet = h('main', { attrs: { id: 'main', tabindex: '-1' } });
  const nav = h(
    'nav',
    { attrs: { 'aria-label': 'Views' } },
    link('/', 'Overview'),
    link('/meetings', 'Meetings'),
    link('/proposals', 'Proposals'),
    link('/follow-ups', 'Follow-ups'),
    link('/sources', 'Sources'),
    canWrite() ? link('/ingest', 'Ingest') : null,
  );
  const calendar = h(
    'select',
    { attrs: { 'aria-label': 'Calendar', name: 'calendar' } },
    h('option', { attrs: { value: 'gregorian', selected: currentCalendar() === 'gregorian' } }, 'Gregorian'),
    h('option', { attrs: { value: 'persian', selected: currentCalendar() === 'persian' } }, 'Solar Hijri (هجری شمسی)'),
  );
  calendar.addEventListener('change', () => setCalendar(calendar.value === 'persian' ? 'persian' : 'gregorian'));
  // One box searches news items, meetings and proposals (any of the three languages).
  const searchInput = h('input', {
    attrs: { type: 'search', name: 'q', placeholder: 'Search news, meetings, proposals', 'aria-label': 'Search', dir: 'auto', maxlength: 200, size: 26 },
  });
  const search = h(
    'form',
    { class: 'app-search', attrs: { role: 'search' } },
    searchInput,
    h('button', { attrs: { type: 'submit' } }, 'Search'),
  );
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = searchInput.value.trim();
    if (words) navigate(`/search?q=${encodeURIComponent(words)}`);
  });
  const signOut = h('button', { class: 'link-button', attrs: { type: 'button' } }, 'Sign out');
  signOut.addEventListener('click', () => {
    setSession(null);
    location.assign('/');
  });
  const current = session()!;
  const header = h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'brand', attrs: { href: '/', 'data-route': '' } }, 'Dyad'),
    nav,
    h(
      'div',
      { class: 'app-tools' },
      search,
      h('label', null, 'Dates ', calendar),
      h('span', { class: 'badge', data: { role: current.role }, title: current.label ?? '' }, current.role.toLowerCase()),
      signOut,
    ),
  );
  onNavigate((path) => {
    for (const a of nav.querySelectorAll('a')) {
      const href = a.getAttribute('href')!;
      const active = href === '/' ? path === '/' || path === '/overview' : path.startsWith(href);
      if (active) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  });
  onCalendarChange(() => void render());
  return h('div', { class: 'app' }, h('a', { class: 'skip-link', attrs: { href: '#main' } }, 'Skip to content'), header, outlet);
}

function notFound(root: HTMLElement): void {
  replace(root, h('h1', null, 'Not found'), h('p', null, 'No such page. ', link('/', 'Back to the overview'), '.'));
}

async function boot(): Promise<void> {
  document.documentElement.dataset.calendar = currentCalendar();
  const fromUrl = takeKeyFromUrl();
  const stored = storedKey();
  const key = fromUrl ?? stored?.key ?? null;
  const start = () => {
    const layout = shell();
    replace(app, layout);
    route('/', 'Overview', overviewView);
    route('/overview', 'Overview', overviewView);
    route('/pairs/:pair', 'Country pair', pairView);
    route('/meetings', 'Meetings', meetingListView);
    route('/meetings/:id', 'Meeting', meetingView);
    route('/proposals', 'Proposals', proposalListView);
    route('/follow-ups', 'Follow-ups', followUpsView);
    route('/ingest', 'Ingest', ingestView);
    route('/actors', 'Actors', actorListView);
    route('/actors/:id', 'Actor', actorView);
    route('/search', 'Search', searchView);
    route('/sources', 'Sources', sourcesView);
    startRouter(layout.querySelector('main')!, notFound);
  };
  const showLogin = (message?: string) =>
    loginView(app, async (entered) => {
      await signIn(entered);
      if (location.pathname === '/login') navigate('/', { replace: true });
      start();
    }, message);
  whenUnauthenticated(() => {
    setSession(null);
    showLogin('Your key is no longer accepted; sign in again.');
  });
  if (!key) return showLogin();
  // A key kept with its role from an earlier visit opens the app at once: the page's requests need not wait for
  // `{ me }`, which runs beside them. A revoked key is refused by each (whenUnauthenticated brings back the form).
  const role = fromUrl ? null : stored?.role;
  if (role) {
    setSession({ key, role, label: null });
    start();
    roleOf(key).then(
      // (a key's role is fixed when it is made; one kept wrong, say edited by hand, is put right)
      (actual) => {
        if (actual === role) return;
        setSession({ key, role: actual, label: null });
        location.reload();
      },
      // a refusal has brought back the form (whenUnauthenticated); a network failure shows in the page's own requests
      () => undefined,
    );
    return;
  }
  try {
    await signIn(key);
    start();
  } catch (error) {
    setSession(null);
    showLogin(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? 'That key was not accepted (unknown or revoked).' : (error as Error).message);
  }
}

void boot();
