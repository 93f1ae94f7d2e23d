import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, newSession, saveSession } from './session';

// A Storage over a Map: what sessionStorage does, in Node.
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('session', () => {
  const now = 1_000_000;
  const session = newSession('tok', 1800, { is_admin: true, full_name: 'Ada' }, now);

  it('expires expires_in seconds after the login', () => {
    expect(session).toEqual({ token: 'tok', expiresAt: now + 1_800_000, isAdmin: true, name: 'Ada' });
  });

  it('is read back until it expires, then removed', () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(loadSession(storage, now + 1_799_999)).toEqual(session);
    expect(loadSession(storage, now + 1_800_000)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('ignores what is not a session', () => {
    const storage = memoryStorage();
    storage.setItem('bank.session', '{"token":1}');
    expect(loadSession(storage, now)).toBeNull();
    storage.setItem('bank.session', 'not json');
    expect(loadSession(storage, now)).toBeNull();
  });

  it('is gone after clearSession', () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    clearSession(storage);
    expect(loadSession(storage, now)).toBeNull();
  });
});
