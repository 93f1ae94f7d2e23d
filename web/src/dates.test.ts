import { describe, expect, it } from 'vitest';
import { localInputToInstant, validityInWords } from './dates';

const day = 86_400_000;
const now = Date.parse('2026-12-04T10:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

describe('validityInWords', () => {
  it('counts the whole days left of an active voucher', () => {
    const issuedNow = { state: 'active' as const, expires_at: at(now + 30 * day), redeemed_at: null };
    expect(validityInWords(issuedNow, now + 1000)).toBe('valid 29 more days');
    expect(validityInWords({ ...issuedNow, expires_at: at(now + 1.5 * day) }, now)).toBe('valid 1 more day');
  });

  it('says the last day with its time', () => {
    expect(validityInWords({ state: 'active', expires_at: at(now + 3_600_000), redeemed_at: null }, now))
      .toMatch(/^last day: valid until \d\d:\d\d$/);
  });

  it('dates a redeemed and an expired voucher', () => {
    expect(validityInWords({ state: 'redeemed', expires_at: at(now + day), redeemed_at: '2026-12-04T09:00:00Z' }, now))
      .toBe('redeemed on 4 Dec 2026');
    expect(validityInWords({ state: 'expired', expires_at: '2026-12-03T09:00:00Z', redeemed_at: null }, now))
      .toBe('expired on 3 Dec 2026');
    expect(validityInWords({ state: 'active', expires_at: at(now - 1), redeemed_at: null }, now)).toMatch(/^expired on/);
  });
});

describe('localInputToInstant', () => {
  it('turns a local date-time into the same instant in UTC', () => {
    const value = '2026-12-04T09:30';
    expect(Date.parse(localInputToInstant(value)!)).toBe(new Date(value).getTime());
    expect(localInputToInstant(value)).toMatch(/Z$/);
  });

  it('leaves out an empty value and passes on one that is not a date', () => {
    expect(localInputToInstant('')).toBeNull();
    expect(localInputToInstant('tomorrow')).toBe('tomorrow');
  });
});
