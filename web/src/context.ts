// What a page gets from the app shell (app.ts).
import type { Action } from './messages';
import type { Page } from './router';
import type { Session } from './session';

export interface Notice {
  text: string;
  kind: 'error' | 'success' | 'info';
}

export interface PageContext {
  readonly session: Session | null;
  // Aborted when the person leaves the page: stops its polling.
  readonly signal: AbortSignal;
  // A message carried over from the previous page ("You are logged out.").
  readonly notice: Notice | null;
  go(page: Page, notice?: Notice): void;
  signIn(session: Session): void;
  // The sentence for a failed request; a token the API refuses ends the session instead (null).
  explain(error: unknown, action: Action): string | null;
}

// Resolves after ms, or at once when the page is left.
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
