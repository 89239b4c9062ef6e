import { contract, type Handlers } from '../shared/ipc/contract.ts';
import { isChannel } from '../shared/ipc/channels.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import { WorkbenchFailure, fail, ok, type Result } from '../shared/result.ts';
import { assertFiniteOutput } from './finite.ts';

// The single entry every front door (IPC, HTTP, CLI) goes through: validate the payload against
// the contract, call the handler, and return an envelope. Nothing thrown escapes.

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Called with bugs (anything thrown that is not a WorkbenchFailure), so a front door can log them. */
  readonly onInternalError?: (error: unknown, channel: string) => void;
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('unknown_channel', `unknown channel "${String(channel)}"`);
    const spec = contract[channel];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) return fail('invalid_input', `invalid input for ${channel}`, issuesFromZod(parsed.error));
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      assertFiniteOutput(channel, value);
      // Outputs are checked too: a handler that drifts from the contract is a bug caught here, not in the UI.
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`output of ${channel} breaks the contract: ${JSON.stringify(issuesFromZod(checked.error))}`);
      return ok(checked.data);
    } catch (error) {
      if (error instanceof WorkbenchFailure) return { ok: false, error: error.toError() };
      options.onInternalError?.(error, channel);
      return fail('internal', `internal error in ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
