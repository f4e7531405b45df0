// Reads what the packs say, so that journeys assert the packs' own texts (no TOML parser: the
// pack format keeps each localised text on one line, `{ fr = "…", en = "…", ar = "…" }`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

function aidBlock(pack, aid) {
  const text = readFileSync(join(ROOT, 'packs', pack, 'pack.toml'), 'utf8');
  const blocks = text.split(/^\[\[aid\]\]\s*$/m).slice(1);
  const block = blocks.find((b) => new RegExp(`^id = "${aid}"`, 'm').test(b));
  if (!block) throw new Error(`aid ${aid} not found in packs/${pack}/pack.toml`);
  return block.split(/^\[\[aid\.criterion\]\]/m)[0];
}

function localised(line, lang) {
  const match = line.match(new RegExp(`\\b${lang} = "((?:[^"\\\\]|\\\\.)*)"`));
  return match ? match[1].replace(/\\"/g, '"') : null;
}

/** The aid's name in `lang`. */
export function aidName(pack, aid, lang = 'fr') {
  const line = aidBlock(pack, aid).split('\n').find((l) => l.startsWith('name = '));
  return localised(line, lang);
}

/** What the aid is (its summary), in `lang`, as the pack writes it. */
export function aidSummary(pack, aid, lang = 'fr') {
  const line = aidBlock(pack, aid).split('\n').find((l) => l.startsWith('summary = '));
  return localised(line, lang);
}

/** The aid's documents to bring, in `lang`. */
export function aidDocuments(pack, aid, lang = 'fr') {
  const block = aidBlock(pack, aid);
  const list = block.match(/^documents = \[([\s\S]*?)^\]/m);
  if (!list) return [];
  return list[1].split('\n').filter((l) => l.includes('fr = ')).map((l) => localised(l, lang));
}
