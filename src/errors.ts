import type { MessageKey, Params } from './i18n/translate.js';
import type { Button } from './views/view.js';

/**
 * A user's mistake or a refusal: carries an i18n key and parameters, never a stack trace to chat.
 * `usage` names the command whose usage line is shown with the answer. `field` names the argument the mistake
 * is about, as a form names its field (`text` for the free text), so a refused form shows it on that field.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly options: { usage?: string; hint?: { key: MessageKey; params?: Params }; buttons?: Button[]; field?: string } = {},
  ) {
    super(key);
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
