import { ApiError, gql } from '../api/graphql-client.js';
import { h, replace } from '../components/dom.js';

/** The key form: shown when there is no key, or the key was refused. `onKey` checks it and signs in. */
export function loginView(root: HTMLElement, onKey: (key: string) => Promise<void>, message?: string): void {
  const input = h('input', { attrs: { type: 'password', name: 'key', autocomplete: 'current-password', required: true, 'aria-describedby': 'login-help', size: 40 } });
  const error = h('p', { class: 'error-text', attrs: { role: 'alert', id: 'login-error' } }, message ?? '');
  const submit = h('button', { class: 'button', attrs: { type: 'submit' } }, 'Sign in');
  const form = h(
    'form',
    { class: 'login panel', attrs: { 'aria-label': 'Sign in' } },
    h('h1', null, 'Dyad'),
    h('p', { attrs: { id: 'login-help' } }, 'Paste an API key, or open the link with ', h('code', null, '?key='), ' that the server printed when it started. Create keys with ', h('code', null, 'npx dyad keys create --role viewer --label me'), '.'),
    h('label', null, 'API key ', input),
    error,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      await onKey(input.value.trim());
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.code === 'UNAUTHENTICATED' ? 'That key was not accepted (unknown or revoked).' : (failure as Error).message;
    } finally {
      submit.disabled = false;
    }
  });
  replace(root, form);
  input.focus();
}

export type { ApiError };
export { gql };
