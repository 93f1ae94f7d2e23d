import { describe, expect, it } from 'vitest';
import { campaignBody, registrationBody } from './forms';

describe('registrationBody', () => {
  it('leaves out the identifiers not filled in and trims the others', () => {
    expect(registrationBody({ username: ' ada ', email: '', phone: '  ', password: ' secret words  ', full_name: ' Ada L ',
      birthday: '1990-01-02' })).toEqual({ username: 'ada', password: ' secret words  ', full_name: 'Ada L', birthday: '1990-01-02' });
  });
});

describe('campaignBody', () => {
  it('sends integers as numbers and leaves out empty optional fields', () => {
    expect(campaignBody({ name: 'First 3', description: '', discount_percent: '30', number_of_vouchers: '3',
      voucher_duration_days: '30', starts_at: '', ends_at: '' }))
      .toEqual({ name: 'First 3', discount_percent: 30, number_of_vouchers: 3, voucher_duration_days: 30 });
  });

  it('passes what is not an integer as typed, for the API to name the field', () => {
    expect(campaignBody({ name: 'x', discount_percent: '12.5', number_of_vouchers: '', voucher_duration_days: '7' }))
      .toMatchObject({ discount_percent: '12.5', number_of_vouchers: '', voucher_duration_days: 7 });
  });

  it('sends the dates as instants', () => {
    const body = campaignBody({ name: 'x', discount_percent: '1', number_of_vouchers: '1', voucher_duration_days: '1',
      starts_at: '2026-12-01T09:00', ends_at: '2027-01-01T00:00' });
    expect(Date.parse(body.starts_at as string)).toBe(new Date('2026-12-01T09:00').getTime());
    expect(body.ends_at).toMatch(/Z$/);
  });
});
