// First step of `npm test`: the suite needs the Node that `npm install` puts on npm's PATH
// (the "node" dev dependency). `npm ci --ignore-scripts` skips its install step and would run the
// tests on an older system Node, where better-sqlite3 crashes: stop with a clear message instead.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `npm test needs Node 22.18 or newer, but npm ran Node ${process.versions.node}.\n` +
      'Run "npm install" (without --ignore-scripts) so the project\'s own Node 24 is installed, then try again.',
  );
  process.exit(1);
}
