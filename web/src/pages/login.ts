// Log in with any identifier (username, email or phone) and the password.
import { login, me } from '../api';
import type { PageContext } from '../context';
import { field, h, messageBox, whileBusy } from '../dom';
import { newSession } from '../session';

export function loginPage(context: PageContext): HTMLElement {
  const identifier = field({ name: 'identifier', label: 'Username, email or phone', autocomplete: 'username', required: true });
  const password = field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true });
  const message = messageBox();
  if (context.notice) message.show(context.notice.text, context.notice.kind);
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'page-title' }, identifier.wrapper, password.wrapper, submit);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, async () => {
      message.clear();
      try {
        const answer = await login(identifier.input.value.trim(), password.input.value);
        const { user } = await me(answer.token);
        context.signIn(newSession(answer.token, answer.expires_in, user, Date.now()));
      } catch (error) {
        message.show(context.explain(error, 'login'), 'error');
        password.input.value = '';
      }
    });
  });

  return h('section', { class: 'page' },
    h('h1', { id: 'page-title' }, 'Log in'),
    message.element,
    form,
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')));
}
