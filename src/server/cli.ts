import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { EmbeddedDbError } from './db/embedded.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HELP = `linshe <command>

  start [--build-web]     start the app (embedded database unless DATABASE_URL); seeds the demo on first start
  synth --stations N --households M [--seed S]
                          add a deterministic synthetic city (N stations × M households) for benchmarks
  import --compound ID FILE
                          import a roster (CSV or XLSX) into a compound; all rows or none
  backup FILE             write the whole database to FILE (gzip'ed JSON lines)
  restore FILE            replace the whole database with a backup
  bench                   run the benchmark (see bench/README.md)
  vote export ID FILE     write a closed vote's recount file (docs/votes.md)
  vote recount FILE       count a recount file again, without the database; prints the result as JSON
  fund verify STATION_ID [--head HASH]
                          check a station's fund ledger (hash chain, postings, balances; docs/fund.md) and,
                          with --head, that a published statement's chain head is in it; prints JSON,
                          exits 1 with the first broken link

Configuration comes from the environment: see README.md.`;

/** Builds the web app when dist/web is missing or older than its sources. */
async function ensureWebBuilt(): Promise<void> {
  const index = path.join(ROOT, 'dist/web/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const full = path.join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
    }, 0);
  const sources = Math.max(newest(path.join(ROOT, 'src/web')), newest(path.join(ROOT, 'src/shared')));
  if (built > sources) return;
  console.log('Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { 'build-web': { type: 'boolean' } } });
      const config = loadConfig();
      if (values['build-web']) await ensureWebBuilt();
      const started = Date.now();
      const { startServer, describeAccounts } = await import('./main.ts');
      const app = await startServer(config, { serveWeb: true });
      console.log(
        `\nLinshe 邻舍 is running at ${app.url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      console.log(`API docs: ${app.url}/api/docs\n${describeAccounts(app.accounts)}\nPress Ctrl-C to stop.`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping…`);
        app.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
      return;
    }
    case 'synth':
    case 'import':
    case 'backup':
    case 'restore': {
      const { runTool } = await import('./tools.ts');
      await runTool(command, rest, loadConfig());
      return;
    }
    case 'vote': {
      const [sub, ...more] = rest;
      if (sub === 'recount' && more[0]) {
        const { recount, RecountFileError, TallyInputError } = await import(
          '../modules/deliberation/index.ts'
        );
        try {
          console.log(JSON.stringify(recount(JSON.parse(fs.readFileSync(more[0], 'utf8'))), null, 2));
        } catch (err) {
          const readable =
            err instanceof SyntaxError || err instanceof RecountFileError || err instanceof TallyInputError;
          if (!readable && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
          console.error(`Cannot recount ${more[0]}: ${(err as Error).message}`);
          process.exitCode = 1;
        }
        return;
      }
      if (sub === 'export' && more[0] && more[1]) {
        const { runTool } = await import('./tools.ts');
        await runTool('vote-export', more, loadConfig());
        return;
      }
      throw new Error('usage: linshe vote export ID FILE | linshe vote recount FILE');
    }
    case 'fund': {
      const [sub, ...more] = rest;
      if (sub === 'verify' && more[0]) {
        const { runTool } = await import('./tools.ts');
        await runTool('fund-verify', more, loadConfig());
        return;
      }
      throw new Error('usage: linshe fund verify STATION_ID [--head HASH]');
    }
    case 'bench': {
      await import('../../bench/run.ts');
      return;
    }
    default:
      console.log(HELP);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDbError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
