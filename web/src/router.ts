// Pages are addressed by the URL's hash (#/vouchers), so no page path can shadow an API path
// (/campaigns is the API's; #/admin is the page).

export type Page = 'login' | 'signup' | 'vouchers' | 'admin';

const pages: readonly Page[] = ['login', 'signup', 'vouchers', 'admin'];

export function pageFromHash(hash: string): Page | null {
  const name = hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(name) ? (name as Page) : null;
}

export function hashOf(page: Page): string {
  return `#/${page}`;
}

// The page to show for the one asked: signed out, only log in and sign up; signed in, no log in or
// sign up, and the admin page only for administrators.
export function allowedPage(requested: Page | null, session: { isAdmin: boolean } | null): Page {
  if (!session) return requested === 'signup' ? 'signup' : 'login';
  if (requested === 'admin' && session.isAdmin) return 'admin';
  if (requested === 'vouchers') return 'vouchers';
  return session.isAdmin ? 'admin' : 'vouchers';
}
