import { defineConfig } from 'vite'
import { modulePath } from '../scripts/modulePath'

// The benchmarks run from source (vite-node): worker entries are bundled as electron-vite bundles them.
export default defineConfig({ plugins: [modulePath()] })
