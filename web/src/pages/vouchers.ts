// My vouchers: discount, code, how long each stays valid, its state, and redeem (after a confirmation).
// A first login's voucher is granted asynchronously, so an empty list is looked at again for a while.
import { listVouchers, redeemVoucher, type Voucher } from '../api';
import { pause, type PageContext } from '../context';
import { confirmDialog, h, messageBox, whileBusy } from '../dom';
import { validityInWords } from '../dates';

const pollEveryMs = 2_000;
const pollWhileEmptyMs = 30_000;

const stateLabels: Record<Voucher['state'], string> = { active: 'Ready to use', redeemed: 'Used', expired: 'Expired' };

export function vouchersPage(context: PageContext): HTMLElement {
  const token = context.session!.token;
  const message = messageBox();
  if (context.notice) message.show(context.notice.text, context.notice.kind);
  const list = h('ul', { class: 'cards', 'aria-label': 'Vouchers' });
  const status = h('p', { class: 'empty', role: 'status' });
  const refresh = h('button', { type: 'button', class: 'secondary' }, 'Refresh');

  const show = (vouchers: Voucher[], stillLooking: boolean) => {
    list.replaceChildren(...vouchers.map(card));
    status.textContent = vouchers.length > 0 ? '' : stillLooking
      ? 'Looking for your voucher: new customers get one at their first log-in while a campaign lasts…'
      : 'You have no vouchers.';
  };

  const load = async (stillLooking: boolean): Promise<Voucher[] | null> => {
    try {
      const { vouchers } = await listVouchers(token);
      if (!context.signal.aborted) show(vouchers, stillLooking);
      return vouchers;
    } catch (error) {
      if (!context.signal.aborted) message.show(context.explain(error, 'vouchers'), 'error');
      return null;
    }
  };

  const redeem = async (voucher: Voucher) => {
    const confirmed = await confirmDialog(
      `Redeem your ${voucher.discount_percent}% voucher ${voucher.code} now? A voucher can be used only once.`, 'Redeem');
    if (!confirmed) return;
    message.clear();
    try {
      await redeemVoucher(token, voucher.id);
      message.show(`Voucher ${voucher.code} redeemed: ${voucher.discount_percent}% off.`, 'success');
    } catch (error) {
      message.show(context.explain(error, 'redeem'), 'error');
    }
    if (!context.signal.aborted) await load(false);
  };

  function card(voucher: Voucher): HTMLLIElement {
    const redeemButton = voucher.state === 'active'
      ? h('button', { type: 'button', class: 'primary', 'aria-label': `Redeem voucher ${voucher.code}` }, 'Redeem')
      : null;
    redeemButton?.addEventListener('click', () => void whileBusy(redeemButton, () => redeem(voucher)));
    return h('li', { class: `card voucher ${voucher.state}` },
      h('p', { class: 'discount' }, `${voucher.discount_percent}% off`),
      h('p', {}, 'Code ', h('code', {}, voucher.code)),
      h('p', { class: 'validity' }, validityInWords(voucher, Date.now())),
      h('p', { class: `badge ${voucher.state}` }, stateLabels[voucher.state]),
      redeemButton);
  }

  refresh.addEventListener('click', () => void whileBusy(refresh, async () => {
    message.clear();
    await load(false);
  }));

  void (async () => {
    const until = Date.now() + pollWhileEmptyMs;
    for (;;) {
      const looking = Date.now() < until;
      const vouchers = await load(looking);
      if (context.signal.aborted || vouchers === null || vouchers.length > 0 || !looking) return;
      await pause(pollEveryMs, context.signal);
      if (context.signal.aborted) return;
    }
  })();

  return h('section', { class: 'page' },
    h('div', { class: 'title-row' }, h('h1', { id: 'page-title' }, 'My vouchers'), refresh),
    message.element,
    status,
    list);
}
