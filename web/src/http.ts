// The one place the app talks HTTP: JSON in, JSON out, every failure an ApiError.

export interface FieldError {
  field: string;
  message: string;
}

// A request that did not succeed. status 0: no answer (network down, timeout).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  token?: string | null;
}

const timeoutMs = 15_000;

// Seconds to wait from a Retry-After value (delay-seconds or an HTTP date); null when absent or unreadable.
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

// Sends one request to the API (same origin, through the front door) and returns the answer's JSON body.
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'no answer');
  }
  const body = await readJson(response);
  if (response.ok) return body as T;
  throw new ApiError(
    response.status,
    typeof body?.message === 'string' ? body.message : response.statusText,
    Array.isArray(body?.errors) ? body.errors : [],
    parseRetryAfter(response.headers.get('Retry-After')),
    response.headers.get('X-Request-Id'),
  );
}

async function readJson(response: Response): Promise<Record<string, unknown> & { errors?: FieldError[] } | null> {
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}
