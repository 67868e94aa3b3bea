import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  debianLike,
  debianPackages,
  installCommand,
  missingNeeds,
  needsMarkdown,
  testNeeds,
} from '../../scripts/test-needs.mjs';

/** A Markdown table's cells, row by row, whatever the padding Prettier gave it; the separator row left out. */
const cells = (table: string) =>
  table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );

describe("the test suite's needs outside npm", () => {
  it('are listed in the README exactly as the preflight checks them', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.match(/<!-- test-needs:start -->([\s\S]*?)<!-- test-needs:end -->/)?.[1] ?? '';
    expect(cells(table), 'README.md holds the table between its test-needs markers').toEqual(cells(needsMarkdown()));
  });

  it('tells a missing program from one that is there, by command or by file', () => {
    const needs = [
      { what: 'a shell', command: 'sh', debian: 'dash', for: 'x' },
      { what: 'nothing', command: 'guichet-no-such-program', debian: 'guichet-a', for: 'x' },
      { what: 'a file', file: '/etc/os-release', debian: 'base-files', for: 'x' },
      { what: 'no file', file: '/nonexistent/guichet.ttf', debian: 'guichet-b', for: 'x' },
      { what: 'same package', command: '/nonexistent/guichet', debian: 'guichet-a', for: 'x' },
    ];
    const missing = missingNeeds(needs);
    expect(missing.map((need) => need.what)).toEqual(['nothing', 'no file', 'same package']);
    expect(debianPackages(missing)).toEqual(['guichet-a', 'guichet-b']);
    expect(installCommand(debianPackages(missing))).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends guichet-a guichet-b',
    );
  });

  it('installs with apt on Debian and its derivatives only', () => {
    expect(debianLike('ID=debian\nVERSION_ID="12"\n')).toBe(true);
    expect(debianLike('ID=ubuntu\nID_LIKE=debian\n')).toBe(true);
    expect(debianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(debianLike('ID=fedora\nID_LIKE="rhel centos"\n')).toBe(false);
    expect(debianLike('')).toBe(false);
  });

  it('names a Debian package for every need', () => {
    for (const need of testNeeds) {
      expect(need.debian).toMatch(/^[a-z0-9][a-z0-9+.-]+$/);
      expect(Boolean(need.command) !== Boolean(need.file)).toBe(true);
    }
  });
});
