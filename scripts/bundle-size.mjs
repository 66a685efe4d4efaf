// What `npm run size` and `npm run bench` both measure: gzip bytes, and one entry built the way the CDN file is
// (Lit bundled, minified, the CDN build's plugins), in memory.
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile } from 'vite';

/** Gzip size in bytes, at the level a CDN serves. */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

let cdnConfig;

/** Builds `entry` in memory like dist/cdn/estafette.js; returns its entry chunk (on-demand chunks not included). */
export async function bundleLikeCdn(entry) {
  if (!cdnConfig) {
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'cdn' }, undefined, process.cwd(), 'silent');
    if (!loaded) throw new Error('vite.config.ts not found');
    cdnConfig = loaded.config;
  }
  const cdn = cdnConfig;
  const result = await build({
    ...cdn,
    configFile: false,
    logLevel: 'silent',
    build: { ...cdn.build, write: false, sourcemap: false, lib: { ...cdn.build.lib, entry } },
  });
  return (Array.isArray(result) ? result[0] : result).output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
}
