// Types of test-needs.mjs, for the tests that import it.
export interface TestNeed {
  what: string;
  command?: string;
  file?: string;
  debian: string;
  for: string;
}
export const testNeeds: TestNeed[];
export function missingNeeds(needs?: TestNeed[]): TestNeed[];
export function debianPackages(needs: TestNeed[]): string[];
export function debianLike(osRelease?: string): boolean;
export function installCommand(packages: string[]): string;
export function ensureTestNeeds(log?: (line: string) => void): string | null;
export function needsMarkdown(): string;
