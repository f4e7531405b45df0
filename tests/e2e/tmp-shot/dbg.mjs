import { serveDist, launch, openPage } from '../lib/harness.mjs';
const served = await serveDist();
const ctx = await launch({ viewport: { width: 1100, height: 760 } });
try {
  const { page, record } = await openPage(ctx);
  setTimeout(() => console.log('errors', record.consoleErrors), 25000);
  await page.goto(`${served.origin}/studio.html`);
  await page.locator('#studio-built-in').selectOption('chenove');
  await page.locator('#studio-open-built-in').click();
  await page.locator('#tab-edit').click();
  await page.locator('#form-aid-id').selectOption('rme');
  await page.locator('#form-aid-status').selectOption('closed');
  await page.locator('#form-aid-window-from').fill('09-01');
  await page.locator('#form-aid-window-to').fill('10-31');
  console.log('before add', await page.locator('#form-aid-status').inputValue(), await page.locator('#form-aid-window-to').inputValue());
  await page.evaluate(() => { document.querySelector('#form-aid-status').eligoMark = 1; document.querySelector('.aid-form .form-body').eligoMark = 1; });
  await page.locator('#form-aid-add-document').click();
  await page.evaluate(() => { document.querySelector('#form-aid-window-to').eligoMark = 1; });
  console.log('same nodes', await page.evaluate(() => [document.querySelector('#form-aid-status').eligoMark, document.querySelector('.aid-form .form-body').eligoMark]));
  await page.locator('#form-aid-window-to').fill('10-31');
  await page.locator('#form-aid-add-document').click();
  console.log('window node kept', await page.evaluate(() => document.querySelector('#form-aid-window-to').eligoMark), await page.locator('#form-aid-window-to').inputValue());
  console.log('after add', await page.locator('#form-aid-status').inputValue(), await page.locator('#form-aid-window-to').inputValue());
} finally { await ctx.close(); served.server.close(); }
