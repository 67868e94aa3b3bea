// What the test suite needs outside npm, in one list: the preflight of `npm test` checks it (and installs what is
// missing on Debian/Ubuntu), `node scripts/test-needs.mjs --markdown` prints the README's table from it, and a test
// keeps the README equal to it. Tools shipped inside npm packages need nothing here: `npm install` brings them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Each need: what it is for, how to tell it is there (a command on the PATH or a file), and the Debian/Ubuntu package
 * that brings it. Several needs may share a package (poppler's three commands).
 */
export const testNeeds = [
  {
    what: 'Chromium',
    command: '/usr/bin/chromium',
    debian: 'chromium',
    for: 'end-to-end tests (Playwright drives it)',
  },
  { what: 'pdftotext', command: 'pdftotext', debian: 'poppler-utils', for: 'reading the text of the PDFs' },
  { what: 'pdfinfo', command: 'pdfinfo', debian: 'poppler-utils', for: 'page sizes and embedded fonts of the PDFs' },
  { what: 'pdftoppm', command: 'pdftoppm', debian: 'poppler-utils', for: 'PDF pages as pictures' },
  { what: 'qpdf', command: 'qpdf', debian: 'qpdf', for: 'checking the PDFs’ structure' },
  {
    what: 'LibreOffice (headless)',
    command: 'soffice',
    debian: 'libreoffice-calc-nogui',
    for: 'opening the XLSX exports as a spreadsheet program would',
  },
  {
    what: 'ip (iproute2)',
    command: 'ip',
    debian: 'iproute2',
    for: 'network namespaces: the office server and its desks on hosts of their own',
  },
  { what: 'xmllint', command: 'xmllint', debian: 'libxml2-utils', for: 'validating UBL invoices against the XSD' },
  {
    what: 'DejaVu fonts',
    file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    debian: 'fonts-dejavu-core',
    for: 'text in Chromium’s pages and screenshots',
  },
  {
    what: 'Noto fonts (Arabic)',
    file: '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf',
    debian: 'fonts-noto-core',
    for: 'Arabic names in Chromium’s pages',
  },
];

function onPath(command) {
  if (command.includes('/')) return isExecutable(command);
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => isExecutable(path.join(dir, command)));
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The needs that are not met on this machine. */
export function missingNeeds(needs = testNeeds) {
  return needs.filter((need) => (need.command ? !onPath(need.command) : !existsSync(need.file)));
}

/** Debian's packages for `needs`, each once, in list order. */
export function debianPackages(needs) {
  return [...new Set(needs.map((need) => need.debian))];
}

/** 'debian' when /etc/os-release says Debian or a derivative (Ubuntu), else null. */
export function debianLike(osRelease = readOsRelease()) {
  const fields = Object.fromEntries(
    osRelease
      .split('\n')
      .map((line) => line.match(/^([A-Z_]+)=(.*)$/))
      .filter(Boolean)
      .map(([, key, value]) => [key, value.replace(/^"|"$/g, '')]),
  );
  const ids = [fields.ID, ...(fields.ID_LIKE ?? '').split(' ')];
  return ids.includes('debian') || ids.includes('ubuntu');
}

function readOsRelease() {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** How this process may run apt: directly as root, through sudo without a password, or not at all. */
function aptRunner() {
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? ['sudo', '-n'] : null;
}

/** The command a person runs to install `packages` by hand. */
export function installCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

function apt(prefix, args) {
  const [command, ...rest] = [...prefix, 'apt-get', ...args];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

/**
 * Checks every need; installs the missing ones with apt where it can (Debian/Ubuntu, root or sudo without a password),
 * one line per package. Returns null when everything is there, else the message that says what to run.
 */
export function ensureTestNeeds(log = console.log) {
  const missing = missingNeeds();
  if (missing.length === 0) return null;
  const packages = debianPackages(missing);
  const runner = debianLike() ? aptRunner() : null;
  if (runner === null) {
    const lines = missing.map((need) => `  - ${need.what} (${need.for})`);
    return [
      'The tests need these programs, missing on this machine:',
      ...lines,
      debianLike()
        ? `Install them (as root) with:\n  ${installCommand(packages)}`
        : `On Debian or Ubuntu: ${installCommand(packages)}\nElsewhere, install the same programs with the system's package manager.`,
    ].join('\n');
  }
  log('Preflight: apt-get update');
  if (!apt(runner, ['update', '-qq']))
    return `apt-get update failed; run it by hand, then:\n  ${installCommand(packages)}`;
  for (const pkg of packages) {
    const needs = missing.filter((need) => need.debian === pkg);
    log(`Preflight: installing ${pkg} (${needs.map((need) => need.what).join(', ')})`);
    if (!apt(runner, ['install', '-y', '-qq', '--no-install-recommends', pkg])) {
      return `Installing ${pkg} failed; run by hand:\n  ${installCommand(packages)}`;
    }
  }
  const still = missingNeeds();
  return still.length === 0 ? null : `Still missing after apt: ${still.map((need) => need.what).join(', ')}`;
}

/** The README's table, from the list. */
export function needsMarkdown() {
  const rows = testNeeds.map(
    (need) => `| ${need.what} | \`${need.command ?? need.file}\` | ${need.debian} | ${need.for} |`,
  );
  return ['| what | looked for | Debian package | for |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  if (process.argv.includes('--markdown')) console.log(needsMarkdown());
  else {
    const problem = ensureTestNeeds();
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    console.log('Preflight: everything the tests need is here.');
  }
}
