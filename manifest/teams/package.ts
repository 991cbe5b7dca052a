import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

/**
 * `npm run package:teams`: fills the app id into manifest.json and zips it with the two icons into
 * manifest/teams/build/plc-bot.zip, the package an admin uploads in the Teams admin center.
 */
const here = dirname(fileURLToPath(import.meta.url));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<void> {
  const appId = process.env.MICROSOFT_APP_ID?.trim() ?? '';
  if (!GUID.test(appId)) {
    process.stderr.write('Set MICROSOFT_APP_ID to the bot registration’s application (client) id, a GUID, then run this again.\n');
    process.exit(1);
  }
  const manifest = readFileSync(join(here, 'manifest.json'), 'utf8').replaceAll('${MICROSOFT_APP_ID}', appId);
  JSON.parse(manifest);
  const zip = new JSZip();
  zip.file('manifest.json', manifest);
  zip.file('color.png', readFileSync(join(here, 'color.png')));
  zip.file('outline.png', readFileSync(join(here, 'outline.png')));
  const out = join(here, 'build', 'plc-bot.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  process.stdout.write(`wrote ${out}: upload it in Teams (Apps > Manage your apps > Upload an app) or the Teams admin center.\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`package:teams failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
