// Which ABI a native Node module was built for, read from its bytes: a module
// built against Node's or Electron's headers exports
// `node_register_module_v<NODE_MODULE_VERSION>`, and the runtime refuses any
// other number ("was compiled against a different Node.js version").
import { readFileSync } from 'node:fs'

const SYMBOL = 'node_register_module_v'

/** The ABI numbers a binary registers under (normally one). */
export function registeredAbis(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => match[1]))]
}

/**
 * Checks that `file` is a native module for ABI `expected`; returns nothing,
 * or throws with a one-line reason.
 */
export function verifyModuleAbi(file, expected, runtime = 'Electron') {
  if (!expected) throw new Error(`${runtime}'s ABI is unknown, so ${file} cannot be checked`)
  let bytes
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new Error(`${file} cannot be read: ${error.message}`)
  }
  const found = registeredAbis(bytes)
  if (found.length === 0) throw new Error(`${file} is not a native Node module (no ${SYMBOL}… symbol)`)
  if (found.length > 1 || found[0] !== String(expected)) {
    throw new Error(`${file} is built for ABI ${found.join(', ')}, but ${runtime} needs ${expected}`)
  }
}
