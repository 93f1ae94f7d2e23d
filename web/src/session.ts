// The signed-in session: kept in sessionStorage (this tab only, gone when it closes), never in
// localStorage or a cookie.

export interface Session {
  token: string;
  expiresAt: number; // epoch milliseconds
  isAdmin: boolean;
  name: string;
}

const key = 'bank.session';

export function newSession(token: string, expiresInSeconds: number, user: { is_admin: boolean; full_name: string },
  now: number): Session {
  return { token, expiresAt: now + expiresInSeconds * 1000, isAdmin: user.is_admin, name: user.full_name };
}

// The stored session while it is well formed and not expired, else null (and a stale one is removed).
export function loadSession(storage: Storage, now: number): Session | null {
  let session: Partial<Session> | null = null;
  try {
    session = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    session = null;
  }
  const valid = session !== null && typeof session.token === 'string' && typeof session.expiresAt === 'number' &&
    typeof session.isAdmin === 'boolean' && typeof session.name === 'string' && session.expiresAt > now;
  if (!valid) {
    storage.removeItem(key);
    return null;
  }
  return session as Session;
}

export function saveSession(storage: Storage, session: Session): void {
  storage.setItem(key, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(key);
}
