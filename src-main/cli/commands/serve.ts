import type { Command } from '../context.ts';
import { PROJECT_ROOT } from '../context.ts';
import { UsageError } from '../args.ts';
import { WorkbenchFailure } from '../../shared/result.ts';
import { WorkerPool } from '../../workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../workers/sim-worker-script.ts';
import { isLoopback, startBridge } from '../../serve/server.ts';
import { buildRenderer, rendererBuildReason, rendererDir } from '../../serve/renderer-build.ts';

// `pimwb serve`: the workbench in a browser, backed by the same services as the window.

function parsePort(value: unknown): number {
  if (value === undefined) return 7878;
  if (typeof value !== 'number' || value < 0 || value > 65535) throw new UsageError(`--port must be between 0 and 65535, not ${String(value)}`);
  return value;
}

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'serve the workbench to a browser on this machine (http://127.0.0.1:7878 by default)',
  options: [
    { name: 'port', kind: 'int', value: 'N', description: 'port to listen on (0 picks a free one; default 7878)' },
    { name: 'host', kind: 'string', value: 'HOST', description: 'address to bind (default 127.0.0.1; anything else exposes the workbench to the network)' },
  ],
  details: 'Prints a URL with a session token; open it in a browser. API requests without the token are refused (401). Stop with Ctrl+C.',
  async run(ctx, args) {
    const port = parsePort(args.options.port);
    const host = typeof args.options.host === 'string' ? args.options.host : '127.0.0.1';
    if (!isLoopback(host)) {
      ctx.io.stderr(`pimwb: warning: --host ${host} is not a loopback address: anyone who can reach this machine and learns the token can use and change your data`);
    }
    // Sweeps from the page run in worker threads, as in the window, so the bridge keeps answering.
    const pool = new WorkerPool({ script: SIM_WORKER_SCRIPT });
    const workbench = ctx.open({ jobs: pool });
    const reason = rendererBuildReason(PROJECT_ROOT);
    if (reason) {
      ctx.io.stderr(`pimwb: building the workbench page (${reason}); this takes a few seconds…`);
      buildRenderer(PROJECT_ROOT);
    }
    const bridge = await startBridge({ dispatch: workbench.dispatch, events: workbench.events, rendererDir: rendererDir(PROJECT_ROOT), host, port }).catch(
      (error: unknown) => {
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE') throw new WorkbenchFailure('conflict', `port ${port} is already in use; choose another with --port (0 picks a free one)`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new WorkbenchFailure('invalid_input', `cannot listen on ${host}: no such address on this machine`);
        throw error;
      },
    );
    // Listening for Ctrl+C before printing the URL: whoever reads the URL may stop the server at once.
    const interrupted = ctx.io.untilInterrupted();
    ctx.print({ url: bridge.url, port: bridge.port, token: bridge.token }, () => `PIM Workbench is serving at ${bridge.url}\nOpen that URL in a browser; press Ctrl+C to stop.`);
    await interrupted;
    await bridge.close();
    await pool.close();
  },
};
