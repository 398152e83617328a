// Subresource integrity after a build step rewrote files Trunk had hashed: every <link> in
// dist/index.html that names one of `files` and carries an integrity hash gets the file's new one.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function updateIntegrity(dist, files) {
  const indexPath = join(dist, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(join(dist, file))).digest('base64');
  const updated = index.replace(/<link\b[^>]*>/g, (tag) => {
    const href = /\bhref="?\/([^"\s>]+)/.exec(tag);
    if (!href || !/\bintegrity=/.test(tag) || !files.includes(href[1])) return tag;
    return tag.replace(/\bintegrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${sri(href[1])}"`);
  });
  writeFileSync(indexPath, updated);
}
