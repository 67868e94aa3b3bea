import { expect, type Locator, type Page } from '@playwright/test';

export type TileId = 'domains' | 'due' | 'overdue' | 'toAct' | 'grace' | 'mail' | 'cash';
export type SectionId = 'domains' | 'due' | 'overdue' | 'toAct' | 'grace';

/** The figures of the dashboard's tiles that are plain counts. */
export type Counts = Record<Exclude<TileId, 'mail' | 'cash'>, number>;

/** #/ — the morning dashboard: the run strip, the tiles and the sections. */
export class DashboardPage {
  readonly runStrip: Locator;
  readonly runState: Locator;
  readonly runButton: Locator;

  constructor(readonly page: Page) {
    this.runStrip = page.getByTestId('run-strip');
    this.runState = this.runStrip.getByTestId('run-state');
    this.runButton = page.getByTestId('run-billing');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/');
    await expect(this.runStrip).toBeVisible();
  }

  tile(id: TileId): Locator {
    return this.page.getByTestId(`tile-${id}`);
  }

  async count(id: TileId): Promise<number> {
    return Number((await this.tile(id).getByTestId(`tile-${id}-value`).textContent())?.trim());
  }

  async counts(): Promise<Counts> {
    return {
      domains: await this.count('domains'),
      due: await this.count('due'),
      overdue: await this.count('overdue'),
      toAct: await this.count('toAct'),
      grace: await this.count('grace'),
    };
  }

  async expectCounts(counts: Counts): Promise<void> {
    for (const [id, value] of Object.entries(counts)) {
      await expect(this.tile(id as TileId).getByTestId(`tile-${id}-value`)).toHaveText(String(value));
    }
  }

  section(id: SectionId): Locator {
    return this.page.getByTestId(`section-${id}`);
  }

  /** The line of a section about a service or a document, found by its label or number. */
  row(id: SectionId, text: string): Locator {
    return this.section(id).getByTestId('dashboard-row').filter({ hasText: text });
  }
}

/**
 * Calls the app's API as the signed-in page does (same origin, same session cookie): for what the scenario prepares
 * without going through its screens.
 */
export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/${method}`, { data: input });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}
