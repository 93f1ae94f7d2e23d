// Every API failure in words a person understands, by what the person was doing.
import type { ApiError, FieldError } from './http';

export type Action =
  | 'register'
  | 'login'
  | 'vouchers'
  | 'redeem'
  | 'campaigns'
  | 'create-campaign'
  | 'update-campaign';

// "1 second", "40 seconds", "3 minutes", "2 hours": a wait, rounded up to the unit a person reads.
export function waitInWords(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

const retryIn = (error: ApiError, fallback: string) =>
  error.retryAfterSeconds === null ? fallback : `in ${waitInWords(error.retryAfterSeconds)}`;

// The sentence shown for a failed request (field errors are shown next to their fields as well).
export function describeError(error: ApiError, action: Action): string {
  switch (error.status) {
    case 0:
      return 'We could not reach the bank. Check your connection and try again.';
    case 400:
      return error.fieldErrors.length > 0
        ? 'Some details need fixing: see the messages next to the fields.'
        : 'The bank could not read that request. Please reload the page and try again.';
    case 401:
      return action === 'login'
        ? 'That identifier and password do not match. After 5 failed attempts in a row the account is ' +
            'locked for a while: if you are sure of your password, wait a few minutes and try again.'
        : 'Your session has ended. Please log in again.';
    case 403:
      return 'This page is for administrators only.';
    case 404:
      return action === 'redeem'
        ? 'This voucher is not one of yours.'
        : 'That was not found; it may have been removed. Refresh the page.';
    case 409:
      return action === 'redeem'
        ? 'This voucher was already used. A voucher can be redeemed only once.'
        : 'That username, email or phone number is already registered. Log in instead, or choose another.';
    case 410:
      return 'This voucher has expired and can no longer be used.';
    case 413:
      return 'What you sent is too long. Please shorten it and try again.';
    case 429:
      return `Too many attempts from your network. Please try again ${retryIn(error, 'later')}.`;
    case 503:
      return `The bank is busy or briefly unavailable. Please try again ${retryIn(error, 'in a moment')}.`;
    default:
      return error.status >= 500
        ? `Something went wrong on our side. Please try again later${referenceOf(error)}.`
        : `The bank refused that request (${error.status}: ${error.message}).`;
  }
}

function referenceOf(error: ApiError): string {
  return error.requestId ? ` (reference ${error.requestId})` : '';
}

// The API's field errors as sentences by field, e.g. "password" -> "Password must be 12-128 characters."
export function fieldMessages(errors: readonly FieldError[], labels: Record<string, string>): Map<string, string> {
  const byField = new Map<string, string>();
  for (const { field, message } of errors) {
    const label = labels[field];
    const sentence = label ? `${label} ${message}.` : `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    byField.set(field, byField.has(field) ? `${byField.get(field)} ${sentence}` : sentence);
  }
  return byField;
}
