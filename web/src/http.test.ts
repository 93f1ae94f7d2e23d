import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseRetryAfter, request } from './http';

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => expect(parseRetryAfter('120')).toBe(120));
  it('reads an HTTP date as the seconds until it', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:00:30 GMT', now)).toBe(30);
  });
  it('is null when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), {
      status, headers: { 'Content-Type': 'application/json', ...headers },
    })));

  it('returns the JSON body of a success and sends the token and body', async () => {
    answer(200, { status: 'success', vouchers: [] });
    await expect(request('POST', '/x', { token: 't', body: { a: 1 } })).resolves.toEqual({ status: 'success', vouchers: [] });
    const [path, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(path).toBe('/x');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer t', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"a":1}');
  });

  it('turns an error envelope into an ApiError with field errors, Retry-After and request id', async () => {
    answer(429, { status: 'error', message: 'too many requests', errors: [{ field: 'f', message: 'm' }] },
      { 'Retry-After': '42', 'X-Request-Id': 'abc' });
    const error = await request('POST', '/users/login').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, message: 'too many requests', retryAfterSeconds: 42, requestId: 'abc',
      fieldErrors: [{ field: 'f', message: 'm' }] });
  });

  it('reports no answer as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(request('GET', '/vouchers')).rejects.toMatchObject({ status: 0 });
  });

  it('keeps the status of an answer that is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    await expect(request('GET', '/vouchers')).rejects.toMatchObject({ status: 502, message: 'Bad Gateway', fieldErrors: [] });
  });
});
