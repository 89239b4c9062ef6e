import type { Result } from '@shared/result.ts';
import type { Transport } from './transport.ts';

// `pimwb serve`: one JSON POST per channel, server-sent events for pushes. The session token comes
// in the URL once; it is kept for this tab only and removed from the address bar.

const TOKEN_KEY = 'pimwb.sessionToken';

export function takeSessionToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

function networkFailure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message, issues: [] } };
}

export function createHttpTransport(token: string | null): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  function ensureStream(event: string): void {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
    if (listeners.get(event)?.size === 1) {
      source.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  }

  return {
    kind: 'browser',
    async invoke(channel, payload) {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(payload ?? {}),
        });
      } catch {
        return networkFailure('cannot reach the workbench server; is `pimwb serve` still running?');
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return networkFailure(`the workbench server answered ${response.status} without a result`);
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      ensureStream(event);
      return () => set.delete(listener);
    },
  };
}
