// Small DOM builders. Text always goes in as text nodes (never as HTML), so API data cannot inject markup.

type Child = Node | string | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;
type Attributes = Record<string, AttributeValue>;

// An element with attributes (true: present, false/null/undefined: absent) and children.
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {},
  ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export interface Field {
  wrapper: HTMLDivElement;
  input: HTMLInputElement | HTMLTextAreaElement;
  error: HTMLParagraphElement;
}

interface FieldSpec {
  name: string;
  label: string;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  inputmode?: string;
}

// A labelled input with its hint and its error line, both tied to it by aria-describedby.
export function field(spec: FieldSpec): Field {
  const id = `field-${spec.name}`;
  const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint` }, spec.hint) : null;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const common = {
    id,
    name: spec.name,
    autocomplete: spec.autocomplete ?? 'off',
    required: spec.required ?? false,
    'aria-describedby': [hint?.id, error.id].filter(Boolean).join(' '),
  };
  const input = spec.multiline
    ? h('textarea', { ...common, rows: 3 })
    : h('input', { ...common, type: spec.type ?? 'text', inputmode: spec.inputmode });
  const label = h('label', { for: id }, spec.label, spec.required ? null : h('span', { class: 'optional' }, ' (optional)'));
  return { wrapper: h('div', { class: 'field' }, label, input, hint, error), input, error };
}

// Shows each field's message (or clears it); focuses the first field in error.
export function showFieldErrors(fields: Record<string, Field>, messages: Map<string, string>): void {
  let first: Field | null = null;
  for (const [name, item] of Object.entries(fields)) {
    const message = messages.get(name) ?? '';
    item.error.textContent = message;
    item.error.hidden = message === '';
    if (message) item.input.setAttribute('aria-invalid', 'true');
    else item.input.removeAttribute('aria-invalid');
    if (message && !first) first = item;
  }
  first?.input.focus();
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    values[name] = typeof value === 'string' ? value : '';
  });
  return values;
}

export interface MessageBox {
  element: HTMLParagraphElement;
  show(text: string | null, kind: 'error' | 'success' | 'info'): void;
  clear(): void;
}

// A line that screen readers announce when its text changes.
export function messageBox(): MessageBox {
  const element = h('p', { class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  return {
    element,
    show(text, kind) {
      if (text === null) return;
      element.textContent = text;
      element.className = `message ${kind}`;
      element.hidden = false;
    },
    clear() {
      element.textContent = '';
      element.hidden = true;
    },
  };
}

// Runs an action with its button disabled, so a double click sends one request.
export async function whileBusy(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

// A modal question (native <dialog>: focus stays inside, Escape cancels); true when confirmed.
export function confirmDialog(question: string, confirmLabel: string): Promise<boolean> {
  const confirm = h('button', { type: 'submit', value: 'confirm', class: 'primary' }, confirmLabel);
  const cancel = h('button', { type: 'submit', value: 'cancel', class: 'secondary' }, 'Cancel');
  const dialog = h('dialog', { 'aria-labelledby': 'dialog-question' },
    h('form', { method: 'dialog' }, h('p', { id: 'dialog-question' }, question), h('div', { class: 'actions' }, cancel, confirm)));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    dialog.showModal();
    cancel.focus();
  });
}
