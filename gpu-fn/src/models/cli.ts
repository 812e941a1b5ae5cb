/**
 * `npm run model -- <command>`: import NVIDIA StyleGAN2 pickles, install published ones, list and
 * verify installed bundles. Models live in $CHECKFACE_MODELS_DIR (default ~/.checkface/models).
 */
import { join } from 'node:path';
import { defaultModelsDir } from '../config.ts';
import { parseArgs } from 'node:util';
import { listBundles, loadBundle } from './bundle.ts';
import { importSnapshot } from './import.ts';
import { installModel, KNOWN_SOURCES } from './install.ts';
import type { Manifest } from './manifest.ts';

const USAGE = `usage: npm run model -- <command>

  import <file.pkl> [--id <name>] [--licence <text>] [--network G_ema] [--force]
                          import a stylegan2-ada-pytorch snapshot (its G_ema)
  install ffhq [--force] [--url <url> --sha256 <hex>]
                          download NVIDIA's FFHQ network, verify its sha256, import it
  list                    show installed models
  verify <id>             check an installed bundle's files against its manifest

  --models-dir <dir>      default $CHECKFACE_MODELS_DIR or ~/.checkface/models
Serve one with CHECKFACE_MODEL=<id> npm start.`;

function describe(m: Manifest): string {
  const h = m.hyper;
  return `${m.id}  version ${m.version}  ${h.resolution}px  z ${h.zDim}  w ${h.wDim} x ${h.numWs}  ${(h.params / 1e6).toFixed(1)}M params  from ${m.source.file} (sha256 ${m.source.sha256.slice(0, 12)}…)\n    licence: ${m.licence}`;
}

/** Runs one CLI command; returns the process exit code. */
export async function runModelCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      licence: { type: 'string' },
      network: { type: 'string' },
      force: { type: 'boolean', default: false },
      url: { type: 'string' },
      sha256: { type: 'string' },
      'models-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const modelsDir = values['models-dir'] ?? defaultModelsDir();
  const [command, arg] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'import': {
      if (!arg) throw new Error('import needs a .pkl file');
      const m = await importSnapshot(arg, { modelsDir, id: values.id, licence: values.licence, network: values.network, replace: values.force });
      out(`imported into ${join(modelsDir, m.id)}\n  ${describe(m)}\nserve it with CHECKFACE_MODEL=${m.id} npm start`);
      return 0;
    }
    case 'install': {
      const known = arg ? KNOWN_SOURCES[arg] : undefined;
      if (!known) throw new Error(`install knows: ${Object.keys(KNOWN_SOURCES).join(', ')}`);
      if ((values.url === undefined) !== (values.sha256 === undefined)) throw new Error('--url and --sha256 go together');
      const source = { ...known, url: values.url ?? known.url, sha256: values.sha256 ?? known.sha256 };
      const m = await installModel(source, { modelsDir, replace: values.force, log: out });
      out(`installed into ${join(modelsDir, m.id)}\n  ${describe(m)}\nserve it with CHECKFACE_MODEL=${m.id} npm start`);
      return 0;
    }
    case 'list': {
      const { models, broken } = await listBundles(modelsDir);
      out(`models in ${modelsDir}:\n  builtin  (the built-in procedural face)`);
      for (const m of models) out(`  ${describe(m)}`);
      for (const b of broken) out(`  ${b.id}  BROKEN: ${b.problem}`);
      return 0;
    }
    case 'verify': {
      if (!arg) throw new Error('verify needs a model id');
      const b = await loadBundle(modelsDir, arg);
      out(`${arg}: all files match the manifest (${Object.keys(b.manifest.files).join(', ')})`);
      return 0;
    }
    default:
      out(USAGE);
      return 2;
  }
}

if (import.meta.main) {
  runModelCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
