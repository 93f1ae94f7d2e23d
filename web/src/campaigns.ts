// What an administrator reads about a campaign: vouchers granted so far and its state now.
import type { Campaign } from './api';
import { formatDateTime } from './dates';

// remaining_vouchers + vouchers granted = number_of_vouchers (the API's invariant).
export function vouchersGranted(campaign: Pick<Campaign, 'number_of_vouchers' | 'remaining_vouchers'>): number {
  return campaign.number_of_vouchers - campaign.remaining_vouchers;
}

// "Paused", "All vouchers granted", "Starts 1 Jan 2027, 09:00", "Ended", "Active".
export function campaignState(campaign: Campaign, now: number): string {
  if (!campaign.is_available) return 'Paused';
  if (campaign.remaining_vouchers === 0) return 'All vouchers granted';
  if (campaign.starts_at && Date.parse(campaign.starts_at) > now) return `Starts ${formatDateTime(campaign.starts_at)}`;
  if (campaign.ends_at && Date.parse(campaign.ends_at) <= now) return 'Ended';
  return 'Active';
}
