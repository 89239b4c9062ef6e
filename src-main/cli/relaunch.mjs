// Plain JavaScript: it runs on the old Node that cannot load the CLI's TypeScript.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

// The relaunching process stands in for the child it starts: a signal meant for `pimwb` (Ctrl+C,
// `kill`, a closed terminal) must reach the child, or a `pimwb serve` would outlive the process
// its user stopped; and whoever waits on `pimwb` must see the child's ending, not its own.

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Ends this process the way the child ended: same exit code, or killed by the same signal. */
function endLikeChild(code, signal) {
  if (signal === null) {
    process.exitCode = code ?? 1;
    return;
  }
  // The shell's convention, should the signal be one this process survives.
  process.exitCode = 128 + (constants.signals[signal] ?? 0);
  process.kill(process.pid, signal);
}

export function relaunch(command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`pimwb: error: cannot start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    // Without listeners the signals have their default effect again, which endLikeChild relies on.
    for (const name of FORWARDED) process.off(name, forward);
    endLikeChild(code, signal);
  });
}
