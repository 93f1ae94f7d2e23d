// Dates as a person reads them, and the form's local date-times as the API's RFC 3339 instants.
import type { Voucher } from './api';

const dayMs = 86_400_000;

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

// "valid 29 more days", "last day: valid until 14:05", "expired on 4 Dec 2026", "redeemed on 4 Dec 2026".
export function validityInWords(voucher: Pick<Voucher, 'state' | 'expires_at' | 'redeemed_at'>, now: number): string {
  if (voucher.state === 'redeemed') return `redeemed on ${formatDate(voucher.redeemed_at ?? voucher.expires_at)}`;
  const left = Date.parse(voucher.expires_at) - now;
  if (voucher.state === 'expired' || left <= 0) return `expired on ${formatDate(voucher.expires_at)}`;
  const days = Math.floor(left / dayMs);
  if (days >= 1) return `valid ${days} more day${days === 1 ? '' : 's'}`;
  const until = new Date(voucher.expires_at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `last day: valid until ${until}`;
}

// A datetime-local input's value ("2026-12-04T09:30", local time) as an RFC 3339 instant in UTC;
// null when empty. A value that is not a date is passed on as typed, for the API to name the field.
export function localInputToInstant(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
