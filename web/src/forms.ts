// Request bodies from the forms' values. The API validates (its field errors are shown next to the
// fields); these only leave out what was not filled in and turn numbers and dates into JSON's.
import { localInputToInstant } from './dates';

export type FormValues = Record<string, string>;

// Sign-up: the identifiers left empty are left out (the API needs at least one of them).
export function registrationBody(values: FormValues): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of ['username', 'email', 'phone']) {
    const value = (values[field] ?? '').trim();
    if (value !== '') body[field] = value;
  }
  body.password = values.password ?? '';
  body.full_name = (values.full_name ?? '').trim();
  body.birthday = values.birthday ?? '';
  return body;
}

// An integer as a JSON number; anything else as typed (the API answers which field is wrong).
function integerOrText(value: string | undefined): number | string {
  const text = (value ?? '').trim();
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

// New campaign: dates are optional (no start: grants from now; no end: until the vouchers run out).
export function campaignBody(values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: (values.name ?? '').trim(),
    discount_percent: integerOrText(values.discount_percent),
    number_of_vouchers: integerOrText(values.number_of_vouchers),
    voucher_duration_days: integerOrText(values.voucher_duration_days),
  };
  const description = (values.description ?? '').trim();
  if (description !== '') body.description = description;
  const startsAt = localInputToInstant(values.starts_at ?? '');
  const endsAt = localInputToInstant(values.ends_at ?? '');
  if (startsAt !== null) body.starts_at = startsAt;
  if (endsAt !== null) body.ends_at = endsAt;
  return body;
}
