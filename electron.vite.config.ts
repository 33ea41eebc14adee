import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          // The desktop app's main process.
          index: resolve('src/main/electron/index.ts'),
          // The browser host (plain Node): `node out/main/host.js`.
          host: resolve('src/main/serve/cli.ts'),
          // The `factmark` command (package.json "bin"): `node out/main/cli.js`.
          cli: resolve('src/main/cli/factmark.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    build: {
      rolldownOptions: { input: resolve('src/renderer/index.html') }
    },
    plugins: [react()]
  }
})
