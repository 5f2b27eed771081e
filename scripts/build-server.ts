/**
 * Builds the server for production: ES module bundles in `apps/server/dist` run by plain `node`
 * (no tsx, no TypeScript) — `main.js` (the server), `backup.js` and `restore.js` (the backup
 * commands). Packages from npm stay outside the bundles and load from the production
 * `node_modules` (`npm ci --omit=dev`); the workspace packages (`@vw/*`, TypeScript sources) are
 * bundled in. Files the server reads from disk next to its code — each module's migrations — are
 * copied to the same relative places under `dist/`, and every `import.meta.dirname` of a server
 * source is rewritten to the directory its file had under `src/`, so paths resolve in the bundle
 * as they do from source (other files keep pointing at their own directory). The web app's bundle
 * stays in `apps/web/dist`, found at the same relative path from `dist/` as from `src/`.
 *
 *   node --import tsx scripts/build-server.ts [--out <dir under apps/server>]
 */
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const serverDir = path.join(root, 'apps/server');
const srcDir = path.join(serverDir, 'src');
const outFlag = process.argv.indexOf('--out');
// Elsewhere than directly under apps/server the bundle would not find node_modules or the web app.
const outDir = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]!) : path.join(serverDir, 'dist');
if (path.dirname(outDir) !== serverDir) throw new Error(`--out must be a folder directly under ${serverDir}`);

/** npm packages load from node_modules at run time; the workspace's own packages are bundled. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@vw/') || args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
    );
  },
};

/** `import.meta.dirname` of each bundled file, as the directory it stands for in the output. */
const sourceDirnames: Plugin = {
  name: 'source-dirnames',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.dirname')) return { contents, loader: 'ts' };
      const dir = path.dirname(args.path);
      // Server sources: their mirror under dist/ (where the migrations are copied); others: themselves.
      const target =
        dir === srcDir || dir.startsWith(srcDir + path.sep) ? path.join(outDir, path.relative(srcDir, dir)) : dir;
      const relative = path.relative(outDir, target).split(path.sep).join('/');
      return {
        contents: contents.replaceAll(
          'import.meta.dirname',
          `(import.meta.dirname + ${JSON.stringify(`/${relative}`)})`,
        ),
        loader: 'ts',
      };
    });
  },
};

/** Every `migrations` folder under `src/`: its SQL files and the journal that orders them. */
async function copyMigrations(): Promise<number> {
  let copied = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name !== 'migrations') {
        await walk(full);
        continue;
      }
      const target = path.join(outDir, path.relative(srcDir, full));
      await mkdir(path.join(target, 'meta'), { recursive: true });
      for (const file of await readdir(full)) {
        if (!file.endsWith('.sql')) continue;
        await cp(path.join(full, file), path.join(target, file));
        copied += 1;
      }
      await cp(path.join(full, 'meta/_journal.json'), path.join(target, 'meta/_journal.json'));
    }
  };
  await walk(srcDir);
  return copied;
}

await rm(outDir, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: path.join(srcDir, 'main.ts'),
    backup: path.join(root, 'scripts/backup.ts'),
    restore: path.join(root, 'scripts/restore.ts'),
  },
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  legalComments: 'none',
  metafile: true,
  plugins: [externalPackages, sourceDirnames],
  logLevel: 'warning',
});
const migrations = await copyMigrations();
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
process.stdout.write(
  `${path.relative(root, outDir)}: main.js, backup.js, restore.js and source maps (${(bytes / 1024).toFixed(0)} KiB), ${migrations} migration files\n`,
);
