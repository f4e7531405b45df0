// Step "pack files": reads the manifest build.rs wrote beside the compiled app (`eligo-packs.json`: each
// territory's id and its files by language, the reference language first) and copies those files from
// target/pack-files/ into dist/packs/. The start-up script's preload table and the service worker's list
// come from the same manifest: nothing reads pack names out of the wasm.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LANG = '[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*';
const FILE = new RegExp(`^packs/[a-z0-9_]+-${LANG}-[0-9a-f]{16}\\.pack$`);
// The interface texts of a language fetched on demand (build.rs, from i18n/<code>.toml).
const UI_FILE = new RegExp(`^packs/ui-${LANG}-[0-9a-f]{16}\\.txt$`);

export function readPackManifest(path) {
  if (!path || !existsSync(path)) {
    throw new Error(`postbuild: no pack manifest at ${path} (written by build.rs beside the compiled app; scripts/build.sh passes its path)`);
  }
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(manifest.territories) || typeof manifest.pack_files !== 'string') throw new Error(`postbuild: ${path} is not a pack manifest`);
  for (const { id, languages } of manifest.territories) {
    if (!/^[a-z0-9_]+$/.test(id) || !languages?.length) throw new Error(`postbuild: ${path}: bad territory ${JSON.stringify(id)}`);
    for (const { lang, file } of languages) {
      if (!FILE.test(file) || !file.startsWith(`packs/${id}-${lang}-`)) throw new Error(`postbuild: ${path}: bad file ${JSON.stringify(file)} for ${id} in ${lang}`);
    }
  }
  for (const { lang, file } of manifest.interface ?? []) {
    if (!UI_FILE.test(file) || !file.startsWith(`packs/ui-${lang}-`)) throw new Error(`postbuild: ${path}: bad interface file ${JSON.stringify(file)} for ${lang}`);
  }
  return manifest;
}

// Every file of the manifest: the packs by territory and language, the interface texts by language.
export const manifestFiles = (manifest) => [
  ...manifest.territories.flatMap(({ languages }) => languages.map(({ file }) => file)),
  ...(manifest.interface ?? []).map(({ file }) => file),
];

export function copyPackFiles(bundle) {
  const manifest = readPackManifest(bundle.packManifest);
  mkdirSync(bundle.path('packs'), { recursive: true });
  const files = manifestFiles(manifest);
  for (const file of files) copyFileSync(join(manifest.pack_files, file.slice('packs/'.length)), bundle.path(file));
  bundle.packs = manifest;
  console.log(`postbuild: ${files.length} pack files in dist/packs/ (${files.join(', ')})`);
}

// The start-up script's table: { id: { lang: './packs/…' } } with the reference language first, by id; not
// the languages fetched on demand (never preloaded: the first load does not grow with them).
export const preloadTable = (manifest) =>
  Object.fromEntries(
    manifest.territories.map(({ id, languages }) => [
      id,
      Object.fromEntries(languages.filter(({ on_demand }) => !on_demand).map(({ lang, file }) => [lang, `./${file}`])),
    ]),
  );
