// Sign up: at least one identifier, a password, the full name and the birthday. The API validates;
// its field errors are shown next to their fields.
import { register } from '../api';
import type { PageContext } from '../context';
import { field, formValues, h, messageBox, showFieldErrors, whileBusy } from '../dom';
import { registrationBody } from '../forms';
import { ApiError } from '../http';
import { fieldMessages } from '../messages';

const labels: Record<string, string> = {
  username: 'Username',
  email: 'Email',
  phone: 'Phone',
  password: 'Password',
  full_name: 'Full name',
  birthday: 'Birthday',
};

export function signupPage(context: PageContext): HTMLElement {
  const fields = {
    username: field({ name: 'username', label: labels.username!, autocomplete: 'username',
      hint: '3-32 letters, digits, _ . or -' }),
    email: field({ name: 'email', label: labels.email!, type: 'email', autocomplete: 'email' }),
    phone: field({ name: 'phone', label: labels.phone!, type: 'tel', autocomplete: 'tel',
      hint: '0 and 9-10 digits, or + and the country code' }),
    password: field({ name: 'password', label: labels.password!, type: 'password', autocomplete: 'new-password',
      required: true, hint: '12 to 128 characters; a few words you remember work well' }),
    full_name: field({ name: 'full_name', label: labels.full_name!, autocomplete: 'name', required: true }),
    birthday: field({ name: 'birthday', label: labels.birthday!, type: 'date', autocomplete: 'bday', required: true }),
  };
  // The rule "one of username, email or phone" belongs to the three fields together.
  const identifierError = h('p', { class: 'field-error', id: 'identifier-error', hidden: true });
  const identifiers = h('fieldset', { 'aria-describedby': identifierError.id },
    h('legend', {}, 'How you will log in: fill in at least one'),
    fields.username.wrapper, fields.email.wrapper, fields.phone.wrapper, identifierError);
  const message = messageBox();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create account');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'page-title' }, identifiers,
    fields.password.wrapper, fields.full_name.wrapper, fields.birthday.wrapper, submit);

  const showIdentifierError = (text: string) => {
    identifierError.textContent = text;
    identifierError.hidden = text === '';
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, async () => {
      message.clear();
      try {
        await register(registrationBody(formValues(form)));
        context.go('login', { text: 'Your account is ready. Log in with your username, email or phone.', kind: 'success' });
      } catch (error) {
        const errors = error instanceof ApiError ? error.fieldErrors : [];
        const messages = fieldMessages(errors, labels);
        showIdentifierError(messages.get('identifier') ?? '');
        showFieldErrors(fields, messages);
        if (messages.has('identifier')) fields.username.input.focus();
        message.show(context.explain(error, 'register'), 'error');
      }
    });
  });

  return h('section', { class: 'page' },
    h('h1', { id: 'page-title' }, 'Create an account'),
    message.element,
    form,
    h('p', {}, 'Already have an account? ', h('a', { href: '#/login' }, 'Log in')));
}
