#!/usr/bin/env node
// The names of the dataset's countries in each language Masthead speaks, from the Unicode CLDR
// (the npm package cldr-localenames-modern, a devDependency): data/country-names.csv, compiled
// into the core by build.rs, so the label and the copied Outlet: line name the country in the
// reader's language. CLDR's standard names, but for Hong Kong and Macao its short forms, as the
// English names have them ("Hong Kong", not "Hong Kong SAR China"); its other short forms are
// abbreviations ("É.-U.", "EE. UU.") that do not belong in a sentence.
//
//     node scripts/import-cldr-country-names.mjs
//
// tests/locales.rs checks that the file is what this script writes from the installed package.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ROOT } from './paths.mjs';

/** Masthead's locale folder → CLDR's locale. */
export const CLDR_LOCALES = {
  ar: 'ar', de: 'de', es: 'es', fa: 'fa', fr: 'fr', hi: 'hi', ja: 'ja', pt_BR: 'pt', ru: 'ru', tr: 'tr', uk: 'uk',
  zh_CN: 'zh', zh_TW: 'zh-Hant',
};

export function countryNames() {
  const codes = parse(fs.readFileSync(path.join(ROOT, 'data/countries.csv'), 'utf8'), { columns: true }).map((r) => r.code);
  const names = {};
  for (const [folder, cldr] of Object.entries(CLDR_LOCALES)) {
    const file = path.join(ROOT, 'node_modules/cldr-localenames-modern/main', cldr, 'territories.json');
    names[folder] = JSON.parse(fs.readFileSync(file, 'utf8')).main[cldr].localeDisplayNames.territories;
  }
  const rows = codes.map((code) => {
    const row = { code };
    for (const folder of Object.keys(CLDR_LOCALES)) {
      const short = ['HK', 'MO'].includes(code) ? names[folder][`${code}-alt-short`] : undefined;
      const name = short ?? names[folder][code];
      if (!name) throw new Error(`CLDR has no ${folder} name for ${code}`);
      row[folder] = name;
    }
    return row;
  });
  return stringify(rows, { header: true, columns: ['code', ...Object.keys(CLDR_LOCALES)], record_delimiter: '\n' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.join(ROOT, 'data/country-names.csv');
  if (process.argv.includes('--check')) {
    // ./x test: the committed names are what the installed CLDR package gives.
    if (fs.readFileSync(file, 'utf8') !== countryNames()) {
      console.error('data/country-names.csv differs from CLDR: run node scripts/import-cldr-country-names.mjs');
      process.exit(1);
    }
    console.log('data/country-names.csv is CLDR\'s');
  } else {
    fs.writeFileSync(file, countryNames());
    console.log('wrote data/country-names.csv');
  }
}
