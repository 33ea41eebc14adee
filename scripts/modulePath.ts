/**
 * electron-vite's `?modulePath` import (a worker entry, bundled on its own,
 * imported as the path of its bundle) for the code that runs from source:
 * vitest and every vite-node entry, through vite.config.ts, which both find
 * by its default name. The app's build uses electron-vite's
 * own; this one bundles the entry the same way, once per run, into
 * node_modules/.cache (so its packages resolve from node_modules as in out/).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, type Plugin } from 'vite'

const SUFFIX = '?modulePath'

export function modulePath(): Plugin {
  const bundles = new Map<string, Promise<string>>()
  const bundle = (entry: string): Promise<string> => {
    let path = bundles.get(entry)
    if (!path) {
      const cache = resolve('node_modules/.cache')
      // A fresh `npm ci` has no cache folder yet.
      mkdirSync(cache, { recursive: true })
      const outDir = mkdtempSync(join(cache, 'worker-'))
      path = build({
        configFile: false,
        logLevel: 'silent',
        build: {
          ssr: entry,
          outDir,
          emptyOutDir: false,
          minify: false,
          rolldownOptions: { output: { format: 'es', entryFileNames: 'worker.mjs' } }
        }
      }).then(() => join(outDir, 'worker.mjs'))
      bundles.set(entry, path)
    }
    return path
  }
  return {
    name: 'factmark:module-path',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (!id.endsWith(SUFFIX)) return null
      const resolved = await this.resolve(id.slice(0, -SUFFIX.length), importer, { skipSelf: true })
      return resolved ? resolved.id + SUFFIX : null
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null
      return `export default ${JSON.stringify(await bundle(id.slice(0, -SUFFIX.length)))}`
    }
  }
}
