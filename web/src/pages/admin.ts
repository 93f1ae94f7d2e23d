// Campaigns, for administrators: each with a bar of vouchers granted out of its number, pause and
// resume, and a form to create one. The list refreshes itself while the page is open.
import { createCampaign, listCampaigns, setCampaignAvailable, type Campaign } from '../api';
import { campaignState, vouchersGranted } from '../campaigns';
import { pause, type PageContext } from '../context';
import { formatDateTime } from '../dates';
import { field, formValues, h, messageBox, showFieldErrors, whileBusy } from '../dom';
import { campaignBody } from '../forms';
import { ApiError } from '../http';
import { fieldMessages } from '../messages';

const refreshEveryMs = 3_000;

const labels: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  discount_percent: 'Discount',
  number_of_vouchers: 'Number of vouchers',
  voucher_duration_days: 'Days a voucher stays valid',
  starts_at: 'Start',
  ends_at: 'End',
};

export function adminPage(context: PageContext): HTMLElement {
  const token = context.session!.token;
  const message = messageBox();
  const list = h('ul', { class: 'cards', 'aria-label': 'Campaigns' });
  const empty = h('p', { class: 'empty', role: 'status' });
  let shown = '';

  // Redraws only what changed, so a refresh does not take the keyboard focus away from a button.
  const load = async () => {
    try {
      const { campaigns } = await listCampaigns(token);
      if (context.signal.aborted || JSON.stringify(campaigns) === shown) return;
      shown = JSON.stringify(campaigns);
      list.replaceChildren(...campaigns.map(card));
      empty.textContent = campaigns.length === 0 ? 'No campaigns yet: create the first one below.' : '';
    } catch (error) {
      if (!context.signal.aborted) message.show(context.explain(error, 'campaigns'), 'error');
    }
  };

  function card(campaign: Campaign): HTMLLIElement {
    const granted = vouchersGranted(campaign);
    const barId = `bar-${campaign.id}`;
    const toggle = h('button', { type: 'button', class: 'secondary' }, campaign.is_available ? 'Pause' : 'Resume');
    toggle.setAttribute('aria-label', `${campaign.is_available ? 'Pause' : 'Resume'} ${campaign.name}`);
    toggle.addEventListener('click', () => void whileBusy(toggle, async () => {
      message.clear();
      try {
        await setCampaignAvailable(token, campaign.id, !campaign.is_available);
        message.show(`${campaign.name} ${campaign.is_available ? 'paused' : 'resumed'}.`, 'success');
      } catch (error) {
        message.show(context.explain(error, 'update-campaign'), 'error');
      }
      await load();
    }));
    const dates = [campaign.starts_at && `from ${formatDateTime(campaign.starts_at)}`,
      campaign.ends_at && `until ${formatDateTime(campaign.ends_at)}`].filter(Boolean).join(' ');
    return h('li', { class: 'card campaign' },
      h('h2', {}, campaign.name),
      campaign.description ? h('p', {}, campaign.description) : null,
      h('p', {}, `${campaign.discount_percent}% off, each voucher valid ${campaign.voucher_duration_days} days`,
        dates ? `, ${dates}` : ''),
      h('p', { class: `badge ${campaign.is_available ? 'active' : 'paused'}` }, campaignState(campaign, Date.now())),
      h('label', { for: barId }, `${granted} of ${campaign.number_of_vouchers} vouchers granted`),
      h('progress', { id: barId, max: campaign.number_of_vouchers, value: granted }),
      toggle);
  }

  const fields = {
    name: field({ name: 'name', label: labels.name!, required: true }),
    description: field({ name: 'description', label: labels.description!, multiline: true }),
    discount_percent: field({ name: 'discount_percent', label: `${labels.discount_percent} (%)`, type: 'number',
      inputmode: 'numeric', required: true, hint: '1 to 100' }),
    number_of_vouchers: field({ name: 'number_of_vouchers', label: labels.number_of_vouchers!, type: 'number',
      inputmode: 'numeric', required: true }),
    voucher_duration_days: field({ name: 'voucher_duration_days', label: labels.voucher_duration_days!, type: 'number',
      inputmode: 'numeric', required: true }),
    starts_at: field({ name: 'starts_at', label: labels.starts_at!, type: 'datetime-local',
      hint: 'Your local time. Empty: vouchers are granted from now on.' }),
    ends_at: field({ name: 'ends_at', label: labels.ends_at!, type: 'datetime-local',
      hint: 'Empty: until the vouchers run out.' }),
  };
  const formMessage = messageBox();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create campaign');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'create-title' },
    ...Object.values(fields).map((item) => item.wrapper), formMessage.element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, async () => {
      formMessage.clear();
      try {
        const { campaign } = await createCampaign(token, campaignBody(formValues(form)));
        form.reset();
        showFieldErrors(fields, new Map());
        formMessage.show(`Campaign ${campaign.name} created.`, 'success');
        await load();
      } catch (error) {
        const messages = fieldMessages(error instanceof ApiError ? error.fieldErrors : [], labels);
        showFieldErrors(fields, messages);
        const elsewhere = [...messages].filter(([name]) => !(name in fields)).map(([, text]) => text);
        const sentence = context.explain(error, 'create-campaign');
        if (sentence !== null) formMessage.show([sentence, ...elsewhere].join(' '), 'error');
      }
    });
  });

  void (async () => {
    while (!context.signal.aborted) {
      await load();
      await pause(refreshEveryMs, context.signal);
    }
  })();

  return h('section', { class: 'page' },
    h('h1', { id: 'page-title' }, 'Campaigns'),
    message.element,
    empty,
    list,
    h('section', { class: 'card create' }, h('h2', { id: 'create-title' }, 'New campaign'), form));
}
