/**
 * The layering rule: an allowlist. Every file belongs to one layer (the
 * longest folder or file path in the table that contains it); a layer may
 * import itself, the layers its row names, and the packages its row names.
 * Anything else is an error that says what the layer may import and where
 * the table is. The table is in eslint.config.js; src/layering.test.ts
 * proves each rule fires.
 */
import { builtinModules } from 'node:module'
import { dirname, relative, resolve } from 'node:path'

/**
 * @typedef {object} Layer
 * @property {string} name     shown in messages
 * @property {string[]} paths  folders or files, relative to the repository, without extension
 * @property {string[]} may    names of the layers it may import
 * @property {string[]} packages  package names; `prefix-*` and `node:*` match families
 * @property {boolean} [tests] only test files (`*.test.ts(x)`) under its paths belong to it
 * @property {string} [why]    appended to its messages
 */

const TEST_FILE = /\.test\.tsx?$/
const EXTENSION = /\.(ts|tsx|js|mjs|cjs)$/

const posix = (path) => path.split('\\').join('/')
const within = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`)

/** The layer a repository path belongs to: test layers first for test files, then the longest path. */
export function layerOf(layers, path) {
  const bare = path.replace(EXTENSION, '')
  let best = null
  let bestLength = -1
  for (const layer of layers) {
    if (layer.tests && !TEST_FILE.test(path)) continue
    for (const prefix of layer.paths) {
      const length = prefix.length + (layer.tests ? 10_000 : 0)
      if (within(bare, prefix) && length > bestLength) {
        best = layer
        bestLength = length
      }
    }
  }
  return best
}

/** 'node:fs', 'fs' → 'node:fs'; '@scope/name/sub' → '@scope/name'; 'react-dom/client' → 'react-dom'. */
export function packageOf(specifier) {
  if (specifier.startsWith('node:')) return `node:${specifier.slice(5).split('/')[0]}`
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  return builtinModules.includes(name) ? `node:${name}` : name
}

const matches = (pattern, name) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name)

/** @param {{ root: string, layers: Layer[] }} options */
export function layeringPlugin({ root, layers }) {
  const names = new Set(layers.map((layer) => layer.name))
  for (const layer of layers) {
    for (const name of layer.may) if (!names.has(name)) throw new Error(`layers: "${layer.name}" may import "${name}", which is no layer`)
  }
  const byName = new Map(layers.map((layer) => [layer.name, layer]))
  const describe = (layer) => {
    const folders = layer.may.length ? layer.may.join(', ') : 'nothing outside itself'
    const packages = layer.packages.length ? layer.packages.join(', ') : 'none'
    return `it may import ${folders}; packages: ${packages}`
  }
  const hint = 'The layers are the table in eslint.config.js.'

  const rule = {
    meta: { type: 'problem', schema: [], docs: { description: 'Each folder imports only what its row in the layers table allows.' } },
    create(context) {
      const file = posix(relative(root, context.filename))
      if (file.startsWith('..')) return {}
      const layer = layerOf(layers, file)
      const check = (node, specifier) => {
        if (typeof specifier !== 'string') return
        if (!layer) {
          context.report({ node, message: `${file} is in no layer: add its folder to the layers table in eslint.config.js, with what it may import.` })
          return
        }
        const why = layer.why ? ` ${layer.why}` : ''
        if (specifier.startsWith('.') || specifier.startsWith('/')) {
          const target = posix(relative(root, resolve(dirname(context.filename), specifier.replace(/\?.*$/, ''))))
          const targetLayer = layerOf(layers, target)
          if (targetLayer === layer) return
          if (targetLayer && layer.may.includes(targetLayer.name)) return
          const what = targetLayer ? targetLayer.name : `${target}, which is in no layer`
          context.report({ node, message: `${layer.name} may not import ${what} ("${specifier}"): ${describe(layer)}.${why} ${hint}` })
          return
        }
        const name = packageOf(specifier)
        if (layer.packages.some((pattern) => matches(pattern, name))) return
        context.report({ node, message: `${layer.name} may not import the package "${name}": ${describe(layer)}.${why} ${hint}` })
      }
      const source = (node) => {
        if (node.source?.type === 'Literal') check(node.source, node.source.value)
      }
      return {
        ImportDeclaration: source,
        ExportNamedDeclaration: source,
        ExportAllDeclaration: source,
        ImportExpression: source,
        TSImportEqualsDeclaration: (node) => {
          if (node.moduleReference?.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression.value)
        }
      }
    }
  }
  return { rules: { allowlist: rule }, layers: byName }
}
