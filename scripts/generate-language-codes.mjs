// Writes libs/domain/src/shared/language-codes.json from the iso-639-3 package (ISO 639-3, with the
// ISO 639-1 two-letter codes): the languages a language of instruction may be named by. Run after
// upgrading iso-639-3: `node scripts/generate-language-codes.mjs`.
import { writeFileSync } from 'node:fs';
import { iso6393 } from 'iso-639-3';

const usable = iso6393.filter((l) => l.type !== 'special' && l.scope !== 'special');
const codes = new Set();
for (const l of usable) {
  codes.add(l.iso6393);
  if (l.iso6391) codes.add(l.iso6391);
}
const out = new URL('../libs/domain/src/shared/language-codes.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({ source: 'ISO 639-3 via the iso-639-3 npm package (living, historical, ancient, constructed; not special codes)', codes: [...codes].sort() })}\n`,
);
console.log(`${codes.size} language codes written to ${out.pathname}`);
