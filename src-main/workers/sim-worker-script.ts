// Where the simulator's worker script is when the TypeScript runs as is (CLI, `pimwb serve`, tests,
// benchmarks). The Electron build bundles it as out/main/sim-worker.js instead (app/main.ts).
export const SIM_WORKER_SCRIPT = new URL('./sim-worker.ts', import.meta.url);
