import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * What axe-core finds against WCAG 2.1 A and AA on a browser page as it is now (contrast, ARIA,
 * names), one line per rule and element; empty when it finds nothing. The console's and the web
 * chat's CSP allow no inline script, so axe's source is evaluated through the browser's
 * protocol, as the tests' own scripts are.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const { axe: checker } = globalThis as unknown as { axe: typeof axe };
    const { violations } = await checker.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
    });
    return violations.flatMap((rule) =>
      rule.nodes.map((node) => `${rule.id}: ${node.target.join(' ')}: ${node.failureSummary}`),
    );
  });
}
