import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { describeError, fieldMessages, waitInWords } from './messages';

const error = (status: number, options: { retryAfter?: number; fields?: boolean; id?: string } = {}) =>
  new ApiError(status, 'm', options.fields ? [{ field: 'password', message: 'must be 12-128 characters' }] : [],
    options.retryAfter ?? null, options.id ?? null);

describe('waitInWords', () => {
  it('rounds up to the unit a person reads', () => {
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(0.2)).toBe('1 second');
    expect(waitInWords(45)).toBe('45 seconds');
    expect(waitInWords(60)).toBe('1 minute');
    expect(waitInWords(61)).toBe('2 minutes');
    expect(waitInWords(7200)).toBe('2 hours');
  });
});

describe('describeError', () => {
  it('says when to try again after a 429 and a 503', () => {
    expect(describeError(error(429, { retryAfter: 90 }), 'login')).toBe(
      'Too many attempts from your network. Please try again in 2 minutes.');
    expect(describeError(error(503, { retryAfter: 5 }), 'vouchers')).toBe(
      'The bank is busy or briefly unavailable. Please try again in 5 seconds.');
    expect(describeError(error(503), 'vouchers')).toContain('try again in a moment');
  });

  it('tells a failed login from an ended session', () => {
    expect(describeError(error(401), 'login')).toMatch(/identifier and password do not match.*locked/);
    expect(describeError(error(401), 'vouchers')).toBe('Your session has ended. Please log in again.');
  });

  it('names what 409 means for the action', () => {
    expect(describeError(error(409), 'redeem')).toMatch(/already used/);
    expect(describeError(error(409), 'register')).toMatch(/already registered/);
  });

  it('explains an expired voucher, a foreign one, a too large body, no answer', () => {
    expect(describeError(error(410), 'redeem')).toMatch(/expired/);
    expect(describeError(error(404), 'redeem')).toMatch(/not one of yours/);
    expect(describeError(error(413), 'create-campaign')).toMatch(/too long/);
    expect(describeError(error(0), 'vouchers')).toMatch(/could not reach/);
  });

  it('points at the fields when the API named them', () => {
    expect(describeError(error(400, { fields: true }), 'register')).toMatch(/next to the fields/);
  });

  it('gives the request id of a server error as a reference', () => {
    expect(describeError(error(500, { id: 'abc123' }), 'vouchers')).toMatch(/reference abc123/);
  });
});

describe('fieldMessages', () => {
  it('prefixes each message with its field label, and capitalizes rules over several fields', () => {
    const messages = fieldMessages([
      { field: 'password', message: 'must be 12-128 characters' },
      { field: 'identifier', message: 'one of username, email or phone is required' },
    ], { password: 'Password' });
    expect(messages.get('password')).toBe('Password must be 12-128 characters.');
    expect(messages.get('identifier')).toBe('One of username, email or phone is required.');
  });
});
