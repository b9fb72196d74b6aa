import { Locator } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

/**
 * A screenshot of what a spec has just asserted: always into artifacts/screenshots/, and with
 * PINGMESH_SCREENSHOTS_DIR set (`npm run screenshots`) also into that folder — the README's images are taken from
 * passing specs of the current build, never by hand.
 */
export async function snap(target: Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await target.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const docs = process.env.PINGMESH_SCREENSHOTS_DIR;
  if (docs) {
    mkdirSync(docs, { recursive: true });
    await target.screenshot({ path: join(docs, `${name}.png`) });
  }
}
