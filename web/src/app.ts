// The app shell: which page shows (router.ts), the navigation, the session's start and end.
import { logout } from './api';
import type { Notice, PageContext } from './context';
import { h } from './dom';
import { ApiError } from './http';
import { describeError, type Action } from './messages';
import { adminPage } from './pages/admin';
import { loginPage } from './pages/login';
import { signupPage } from './pages/signup';
import { vouchersPage } from './pages/vouchers';
import { allowedPage, hashOf, pageFromHash, type Page } from './router';
import { clearSession, loadSession, saveSession, type Session } from './session';

const pages: Record<Page, { title: string; render: (context: PageContext) => HTMLElement }> = {
  login: { title: 'Log in', render: loginPage },
  signup: { title: 'Create an account', render: signupPage },
  vouchers: { title: 'My vouchers', render: vouchersPage },
  admin: { title: 'Campaigns', render: adminPage },
};

const sessionEnded: Notice = { text: 'Your session has ended. Please log in again.', kind: 'info' };

export function startApp(main: HTMLElement, nav: HTMLElement): void {
  let session = loadSession(sessionStorage, Date.now());
  let notice: Notice | null = null;
  let leave = new AbortController();
  let expiry: ReturnType<typeof setTimeout> | undefined;
  let firstRender = true;

  const go = (page: Page, next?: Notice) => {
    notice = next ?? null;
    if (location.hash === hashOf(page)) render();
    else location.hash = hashOf(page);
  };

  const endSession = (next: Notice) => {
    session = null;
    clearTimeout(expiry);
    clearSession(sessionStorage);
    go('login', next);
  };

  // Ends the session when the token expires, so no page keeps showing data it can no longer refresh
  // (in steps of at most setTimeout's longest delay, about 24 days).
  const watchExpiry = () => {
    clearTimeout(expiry);
    if (!session) return;
    const left = session.expiresAt - Date.now();
    if (left <= 0) endSession(sessionEnded);
    else expiry = setTimeout(watchExpiry, Math.min(left, 2 ** 31 - 1));
  };

  const signIn = (started: Session) => {
    session = started;
    saveSession(sessionStorage, started);
    watchExpiry();
    go(started.isAdmin ? 'admin' : 'vouchers');
  };

  const logOut = () => {
    const token = session?.token;
    // The API ends the token on every service; here it is dropped whatever the API answers.
    if (token) logout(token).catch(() => undefined);
    endSession({ text: 'You are logged out.', kind: 'success' });
  };

  const explain = (error: unknown, action: Action): string | null => {
    if (!(error instanceof ApiError)) throw error;
    const signedInCall = action !== 'login' && action !== 'register';
    if (error.status === 401 && signedInCall) {
      if (session) endSession(sessionEnded);
      return null;
    }
    return describeError(error, action);
  };

  const renderNav = (current: Page) => {
    const link = (page: Page, text: string) =>
      h('a', { href: hashOf(page), 'aria-current': page === current ? 'page' : null }, text);
    if (!session) {
      nav.replaceChildren(link('login', 'Log in'), link('signup', 'Sign up'));
      return;
    }
    const out = h('button', { type: 'button', class: 'link' }, 'Log out');
    out.addEventListener('click', logOut);
    nav.replaceChildren(
      link('vouchers', 'My vouchers'),
      ...(session.isAdmin ? [link('admin', 'Campaigns')] : []),
      h('span', { class: 'who' }, session.name),
      out,
    );
  };

  function render() {
    if (session && session.expiresAt <= Date.now()) {
      endSession(sessionEnded);
      return;
    }
    const page = allowedPage(pageFromHash(location.hash), session);
    if (location.hash !== hashOf(page)) history.replaceState(null, '', hashOf(page));
    leave.abort();
    leave = new AbortController();
    const context: PageContext = { session, signal: leave.signal, notice, go, signIn, explain };
    notice = null;
    renderNav(page);
    document.title = `${pages[page].title} · Bank promotions`;
    main.replaceChildren(pages[page].render(context));
    // Moving focus to the new page tells keyboard and screen-reader users that it changed.
    if (!firstRender) main.focus();
    firstRender = false;
  }

  window.addEventListener('hashchange', render);
  watchExpiry();
  render();
}
