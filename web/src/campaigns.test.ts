import { describe, expect, it } from 'vitest';
import type { Campaign } from './api';
import { campaignState, vouchersGranted } from './campaigns';

const now = Date.parse('2026-12-04T10:00:00Z');
const campaign: Campaign = {
  id: 'c', name: 'First 3', description: null, discount_percent: 30, number_of_vouchers: 3, remaining_vouchers: 1,
  voucher_duration_days: 30, starts_at: null, ends_at: null, is_available: true, created_at: '2026-12-01T00:00:00Z',
};

describe('campaigns', () => {
  it('counts the vouchers granted', () => expect(vouchersGranted(campaign)).toBe(2));

  it('names the state an administrator acts on', () => {
    expect(campaignState(campaign, now)).toBe('Active');
    expect(campaignState({ ...campaign, is_available: false }, now)).toBe('Paused');
    expect(campaignState({ ...campaign, remaining_vouchers: 0 }, now)).toBe('All vouchers granted');
    expect(campaignState({ ...campaign, starts_at: '2026-12-05T00:00:00Z' }, now)).toMatch(/^Starts /);
    expect(campaignState({ ...campaign, ends_at: '2026-12-04T09:00:00Z' }, now)).toBe('Ended');
  });
});
