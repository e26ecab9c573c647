#!/usr/bin/env node
// Merge the State Media Monitor's classification into data/outlets.csv.
//
//     node scripts/import-state-media-matrix.mjs [../shared/reference/state-media]
//
// Re-runnable: rows written by an earlier run (basis "SMM 2023 list (imported)") are dropped and
// made again; hand-written rows are kept and only gain what the Monitor adds (its code in
// `monitor_2023`, its citation, and its code where the row's category was only an assessment of
// ours). An asset whose address is already an outlet's joins that row; the others become rows of
// their own, one per host (assets sharing a host share a row). `data/monitor-exclusions.csv`
// lists the addresses that are not the outlet's own, with the reason; `tests/dataset.rs` checks
// that every asset with an address ends up in a row or on that list.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ROOT } from './paths.mjs';

const REFERENCE = process.argv[2] ?? path.join(ROOT, '../shared/reference/state-media');
const MATRIX = path.join(REFERENCE, 'state-media-matrix/State_Media_Matrix.csv');
const IMPORTED_BASIS = 'SMM 2023 list (imported)';
const MONITOR_SOURCE = 'https://statemediamonitor.com/';
const REVIEWED = '2026-12-01';
const COLUMNS = ['name', 'aliases', 'claim_names', 'country', 'category', 'owner', 'hosts', 'eu_sanctions', 'contested',
  'basis', 'monitor_2023', 'unconfirmed', 'sources', 'reviewed'];

// Code repositories, routing lists, wiki mirrors, press-release wires and unrelated sites: they
// may say which hosts an outlet uses, never who controls it.
const NOT_SOURCES = new Set([
  'github.com', 'www.moviesonline.ca', 'censor.net', 'search.wikileaks.org', 'www.einpresswire.com',
  'webosor.com', 'wikimili.com', 'gitx.awsccs2.com', 'www.24hod.sk', 'community-ar.menassat.com',
  'docslib.org', 'it.wiki7.org', 'en.infogalactic.com', 'twtext.com', 'mediabiasfactcheck.com',
  'lfwp.net', 'www.hubbry.com', 'ngoreport.org', 'www.newsbreak.com', 'cripo.com.ua',
  'refract.global.ssl.fastly.net', 'thebuzzinghub.com', 'tiatira.com', 'www.daily-markets.co',
  'tass.com', 'euromediagroup.org', 'orer.eu', 'en.interfax.com.ua',
]);

// The EU's Official Journal, by the date a listing took effect (ELI addresses of the acts).
const EU_ACTS = {
  '2022-03-02': ['Council Regulation (EU) 2022/350', 'https://eur-lex.europa.eu/eli/reg/2022/350/oj'],
  '2022-06-03': ['Council Regulation (EU) 2022/879', 'https://eur-lex.europa.eu/eli/reg/2022/879/oj'],
  '2022-12-16': ['Council Regulation (EU) 2022/2474', 'https://eur-lex.europa.eu/eli/reg/2022/2474/oj'],
  '2023-02-25': ['Council Regulation (EU) 2023/427', 'https://eur-lex.europa.eu/eli/reg/2023/427/oj'],
  '2023-06-23': ['Council Regulation (EU) 2023/1214', 'https://eur-lex.europa.eu/eli/reg/2023/1214/oj'],
  '2024-05-17': ['Council Regulation (EU) 2024/1428', 'https://eur-lex.europa.eu/eli/reg/2024/1428/oj'],
  '2025-02-24': ['Council Regulation (EU) 2025/395', 'https://eur-lex.europa.eu/eli/reg/2025/395/oj'],
  '2022-11-14': ['Council Implementing Regulation (EU) 2022/2231', 'https://eur-lex.europa.eu/eli/reg_impl/2022/2231/oj'],
  '2023-09-15': ['Council Implementing Regulation (EU) 2023/1779', 'https://eur-lex.europa.eu/eli/reg_impl/2023/1779/oj'],
};

// The kind of asset, which the Monitor writes before some names ("Print: Granma").
const KIND_PREFIXES = ['Print: ', 'Television: ', 'Radio: ', 'Online: ', 'News agency: ', 'News portals: '];

const readCsv = (file) => parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true });
const sorted = (items) => [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const words = (text, separator) => text.split(separator).filter(Boolean);
const hostOf = (url) => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};

function hostAndPath(url) {
  // As Python's urlsplit: the host lowercased, without a trailing dot; the path as written.
  const match = (url.includes('://') ? url : `http://${url}`).match(/^[^:]+:\/\/([^/?#]*)([^?#]*)/);
  let host = (match?.[1] ?? '').replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase().replace(/\.+$/, '');
  for (const prefix of ['www.', 'www3.', 'ww.', 'test.']) {
    if (host.startsWith(prefix) && host.split('.').length - 1 >= 2) host = host.slice(prefix.length);
  }
  return [host, match?.[2] ?? ''];
}

/** The row whose host (and path prefix) covers this address, like `outlet_for_url`. */
function coveringRow(index, host, urlPath) {
  let candidate = host;
  while (candidate.includes('.')) {
    for (const [row, prefix] of index.get(candidate) ?? []) {
      if (prefix === null || urlPath.replace(/^\/+|\/+$/g, '').split('/')[0] === prefix) return row;
    }
    candidate = candidate.slice(candidate.indexOf('.') + 1);
  }
  return null;
}

function ownerPhrase(category, owner) {
  if (!owner || ['Owned by ', 'Funded by ', 'Part of '].some((p) => owner.startsWith(p))) return owner;
  const verb = ['ISFM', 'ISF', 'ISM', 'IP'].includes(category) ? 'Funded by' : 'Owned by';
  return `${verb} ${owner}`;
}

function cleanAsset(name) {
  for (const prefix of KIND_PREFIXES) if (name.startsWith(prefix)) name = name.slice(prefix.length);
  return name.trim().replace(/\*+$/, '').trim();
}

function main() {
  const countries = new Map();
  for (const row of readCsv(path.join(ROOT, 'data/countries.csv'))) {
    countries.set(row.name, row.code);
    for (const alias of words(row.monitor_names, '|')) countries.set(alias, row.code);
  }
  const excluded = new Set(readCsv(path.join(ROOT, 'data/monitor-exclusions.csv')).map((row) => row.url));
  // Hosts an outlet also publishes on that the Monitor's one address per asset leaves out.
  const extraHosts = new Map();
  for (const row of readCsv(path.join(ROOT, 'data/monitor-extra-hosts.csv'))) {
    if (!extraHosts.has(row.monitor_url)) extraHosts.set(row.monitor_url, new Set());
    extraHosts.get(row.monitor_url).add(row.host);
  }
  const assets = readCsv(MATRIX).filter((a) => a.URL.trim() && a.Country);
  const kept = readCsv(path.join(ROOT, 'data/outlets.csv')).filter((r) => r.basis !== IMPORTED_BASIS);

  const index = new Map();
  const indexAdd = (host, entry) => {
    if (!index.has(host)) index.set(host, []);
    index.get(host).push(entry);
  };
  for (const row of kept) {
    for (const entry of words(row.hosts, ' ')) {
      const slash = entry.indexOf('/');
      indexAdd(slash < 0 ? entry : entry.slice(0, slash), [row, slash < 0 ? null : entry.slice(slash + 1) || null]);
    }
  }
  const named = new Map();
  for (const row of kept) {
    for (const name of [row.name, ...row.aliases.split('|')]) if (name) named.set(`${row.country}\u0000${name.toLowerCase()}`, row);
  }
  const joined = new Map();
  const loose = [];
  for (const asset of assets) {
    const url = asset.URL.trim();
    if (excluded.has(url) || !asset.Typology) continue;
    const [host, urlPath] = hostAndPath(url);
    const covering = coveringRow(index, host, urlPath);
    const row = covering ?? named.get(`${countries.get(asset.Country)}\u0000${cleanAsset(asset['Main assets']).toLowerCase()}`) ?? null;
    if (row && !covering) {
      // The same outlet at an address the row does not list yet: the address joins the row.
      row.hosts = sorted(new Set([...row.hosts.split(/\s+/).filter(Boolean), host])).join(' ');
      indexAdd(host, [row, null]);
    }
    if (!row) loose.push([host, asset]);
    else {
      if (!joined.has(row)) joined.set(row, []);
      joined.get(row).push(asset);
    }
  }

  for (const row of kept) {
    const codes = sorted(new Set((joined.get(row) ?? []).map((a) => a.Typology)));
    row.monitor_2023 = codes.join('|');
    const sources = words(row.sources, ' ').filter((s) => !NOT_SOURCES.has(hostOf(s)));
    if (codes.length && !sources.includes(MONITOR_SOURCE)) sources.unshift(MONITOR_SOURCE);
    if (row.eu_sanctions) {
      const date = row.eu_sanctions.split(' ')[0];
      const [act, eli] = EU_ACTS[date];
      if (row.eu_sanctions.includes('Annex XV')) row.eu_sanctions = `${date} broadcasting ban (${act}, Annex XV to Regulation (EU) No 833/2014)`;
      if (!sources.includes(eli)) sources.push(eli);
    }
    row.sources = sources.join(' ');
    const plain = codes.map((c) => c.replace(/\?+$/, ''));
    if (new Set(plain).size === 1 && row.basis.startsWith('assessed') && !row.contested) {
      if (plain[0] !== row.category) console.log(`${row.name}: ${row.category} (assessed) -> ${plain[0]} (Monitor 2023)`);
      row.category = plain[0];
      row.basis = 'SMM 2023 list';
      const unconfirmed = row.unconfirmed.split(';').filter((f) => f && f !== 'all' && !f.startsWith('category'));
      if (codes[0].endsWith('?')) unconfirmed.push('category');
      row.unconfirmed = unconfirmed.join(';');
    }
    row.owner = ownerPhrase(row.category, row.owner);
  }

  // Assets of their own: grouped by host, and one asset's several hosts kept together.
  const groups = new Map();
  for (const [host, asset] of loose) {
    const key = `${asset.Country}\u0000${asset['Media company']}\u0000${asset['Main assets']}`;
    const group = groups.get(`host\u0000${host}`) ?? groups.get(`asset\u0000${key}`) ?? { hosts: new Set(), assets: [] };
    group.hosts.add(host);
    for (const extra of extraHosts.get(asset.URL.trim()) ?? []) group.hosts.add(extra);
    group.assets.push(asset);
    groups.set(`host\u0000${host}`, group);
    groups.set(`asset\u0000${key}`, group);
  }
  const unique = [...new Set(groups.values())];

  const taken = new Set([...kept.map((r) => r.name.toLowerCase()), ...kept.flatMap((r) => words(r.aliases, '|').map((a) => a.toLowerCase()))]);
  const imported = [];
  for (const group of unique) {
    const members = group.assets;
    const lead = members.find((a) => cleanAsset(a['Main assets']) === cleanAsset(a['Media company'])) ?? members[0];
    const country = countries.get(lead.Country);
    const company = cleanAsset(lead['Media company']);
    let name = cleanAsset(lead['Main assets']);
    const companies = new Set(members.map((a) => cleanAsset(a['Media company'])));
    // "ORF" of "Österreichischer Rundfunk (ORF)", or several assets of one company at one
    // address: the address is the company's.
    if (company.toLowerCase().endsWith(`(${name.toLowerCase()})`) || (members.length > 1 && companies.size === 1)) name = company;
    if (taken.has(name.toLowerCase())) name = company.toLowerCase() !== name.toLowerCase() ? `${name} (${company})` : `${name} (${lead.Country})`;
    taken.add(name.toLowerCase());
    const aliases = sorted(new Set(members.map((a) => cleanAsset(a['Main assets'])))).filter((a) => a !== name && a !== '');
    const codes = sorted(new Set(members.map((a) => a.Typology)));
    const category = lead.Typology.replace(/\?+$/, '');
    const hosts = sorted([...group.hosts].filter((h) => ![...group.hosts].some((p) => h.endsWith(`.${p}`))));
    const row = {
      name,
      aliases: aliases.filter((a) => !taken.has(a.toLowerCase())).join('|'),
      // Claim names are reviewed by hand (a name the Monitor gives may be anyone's acronym).
      claim_names: '',
      country,
      category,
      owner: company.toLowerCase() === name.toLowerCase() ? '' : `Part of ${company}`,
      hosts: hosts.join(' '),
      eu_sanctions: '',
      contested: new Set(codes.map((c) => c.replace(/\?+$/, ''))).size === 1 ? ''
        : `The Monitor classes the assets at this address differently: ${members.map((a) => `${cleanAsset(a['Main assets'])} ${a.Typology}`).join('; ')}`,
      basis: IMPORTED_BASIS,
      monitor_2023: codes.join('|'),
      unconfirmed: codes.some((c) => c.endsWith('?')) ? 'category' : '',
      sources: MONITOR_SOURCE,
      reviewed: REVIEWED,
    };
    imported.push(row);
    for (const alias of row.aliases.split('|')) taken.add(alias.toLowerCase());
  }

  const rows = [...kept, ...imported].sort((a, b) => {
    const [x, y] = [[a.country, a.name.toLowerCase()], [b.country, b.name.toLowerCase()]];
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
  });
  fs.writeFileSync(path.join(ROOT, 'data/outlets.csv'), stringify(rows.map((r) => COLUMNS.map((c) => r[c] ?? '')), { header: false, record_delimiter: '\n' }).replace(/^/, `${COLUMNS.join(',')}\n`));
  console.log(`${kept.length} kept rows (${joined.size} joined by Monitor assets), ${imported.length} imported, ${rows.length} in all`);
}

main();
