import { describe, expect, it } from 'vitest';
import { allowedPage, hashOf, pageFromHash } from './router';

describe('router', () => {
  it('reads the page from the hash', () => {
    expect(pageFromHash('#/vouchers')).toBe('vouchers');
    expect(pageFromHash(hashOf('admin'))).toBe('admin');
    expect(pageFromHash('')).toBeNull();
    expect(pageFromHash('#/nope')).toBeNull();
  });

  it('signed out: only log in and sign up', () => {
    expect(allowedPage('vouchers', null)).toBe('login');
    expect(allowedPage('admin', null)).toBe('login');
    expect(allowedPage('signup', null)).toBe('signup');
    expect(allowedPage(null, null)).toBe('login');
  });

  it('signed in: the admin page only for administrators', () => {
    const user = { isAdmin: false };
    const admin = { isAdmin: true };
    expect(allowedPage('admin', user)).toBe('vouchers');
    expect(allowedPage('login', user)).toBe('vouchers');
    expect(allowedPage('admin', admin)).toBe('admin');
    expect(allowedPage('vouchers', admin)).toBe('vouchers');
    expect(allowedPage(null, admin)).toBe('admin');
  });
});
