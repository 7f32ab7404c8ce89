// Fails loudly when a script runs on a Node older than 24 (e.g. outside `npm run`,
// where the project's `node` dev dependency is not first on PATH).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `\nLinshe needs Node.js 24 or newer, but this is Node ${process.versions.node} (${process.execPath}).\n` +
      'Run it through npm (npm start, npm test, npm run linshe -- …), which puts the Node 24 from\n' +
      'node_modules/.bin first on PATH, or install Node 24.\n',
  );
  process.exit(1);
}
