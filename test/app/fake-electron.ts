// Stand-ins for the parts of Electron's app and WebContents that the hardening talks to: they
// record listeners and let a test fire the events Electron would.

type Listener = (...args: unknown[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class FakeApp extends FakeEmitter {}

export class FakeWebContents extends FakeEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

/** A navigation event as Electron passes it: the target URL and a way to cancel. */
export interface FakeNavigation {
  readonly url: string;
  readonly isMainFrame: boolean;
  prevented: boolean;
  preventDefault(): void;
}

export function navigation(url: string, isMainFrame = true): FakeNavigation {
  return {
    url,
    isMainFrame,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

/** Fires `name` on `contents` with a navigation to `url` and says whether it was cancelled. */
export function isPrevented(contents: FakeWebContents, name: string, url: string, isMainFrame = true): boolean {
  const event = navigation(url, isMainFrame);
  contents.emit(name, event, url);
  return event.prevented;
}
