// Shared by the state-event fault units: whether a call is a stateEvent outside its API's transitions.
import type { ApiCall } from '../api-call.ts';

export function isInvalidStateEvent(call: ApiCall): boolean {
  const effect = call.api.effect;
  if (effect?.kind !== 'stateEvent') return false;
  const event = call.params[effect.param ?? 'stateEvent'];
  return typeof event === 'string' && !Object.hasOwn(effect.transitions ?? {}, event);
}
