// The API's calls the app makes, typed as the services' OpenAPI documents describe them.
import { request } from './http';

export interface User {
  id: string;
  username: string | null;
  email: string | null;
  phone: string | null;
  full_name: string;
  is_admin: boolean;
}

export interface Voucher {
  id: string;
  code: string;
  campaign_id: string;
  discount_percent: number;
  issued_at: string;
  expires_at: string;
  redeemed_at: string | null;
  state: 'active' | 'redeemed' | 'expired';
}

export interface Campaign {
  id: string;
  name: string;
  description: string | null;
  discount_percent: number;
  number_of_vouchers: number;
  remaining_vouchers: number;
  voucher_duration_days: number;
  starts_at: string | null;
  ends_at: string | null;
  is_available: boolean;
  created_at: string;
}

export interface TokenAnswer {
  token: string;
  expires_in: number;
}

export const register = (body: Record<string, string>) =>
  request<{ user: User }>('POST', '/users/register', { body });

export const login = (identifier: string, password: string) =>
  request<TokenAnswer>('POST', '/users/login', { body: { identifier, password } });

export const me = (token: string) => request<{ user: User }>('GET', '/users/me', { token });

export const logout = (token: string) => request<null>('POST', '/users/logout', { token });

export const listVouchers = (token: string) => request<{ vouchers: Voucher[] }>('GET', '/vouchers', { token });

export const redeemVoucher = (token: string, id: string) =>
  request<{ voucher: Voucher }>('POST', `/vouchers/${encodeURIComponent(id)}/redeem`, { token });

export const listCampaigns = (token: string) => request<{ campaigns: Campaign[] }>('GET', '/campaigns', { token });

export const createCampaign = (token: string, body: Record<string, unknown>) =>
  request<{ campaign: Campaign }>('POST', '/campaigns', { token, body });

export const setCampaignAvailable = (token: string, id: string, isAvailable: boolean) =>
  request<{ campaign: Campaign }>('PATCH', `/campaigns/${encodeURIComponent(id)}`, {
    token,
    body: { is_available: isAvailable },
  });
