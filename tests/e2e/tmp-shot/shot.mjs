// Temporary (not committed): the README's screenshot of the studio's place form.
import { serveDist, launch, openPage, ROOT } from '../lib/harness.mjs';
const served = await serveDist();
const ctx = await launch({ viewport: { width: 1100, height: 760 } });
try {
  const { page, record } = await openPage(ctx);
  await page.goto(`${served.origin}/studio.html`);
  await page.locator('#studio-built-in').selectOption('chenove');
  await page.locator('#studio-open-built-in').click();
  await page.locator('#tab-edit').click();
  await page.locator('#form-place-id').selectOption('mairie_chenove');
  await page.locator('#form-place-opening_hours').fill('Lu-Ve 08:30-12:00');
  await page.waitForFunction(() => document.querySelector('#form-place-hours-message').textContent.includes('compris'));
  await page.locator('.place-form').scrollIntoViewIfNeeded();
  await page.locator('.place-form').screenshot({ path: `${ROOT}docs/screenshots/studio-forms.png` });
  console.log(record.consoleErrors);
} finally {
  await ctx.close();
  served.server.close();
}
