/**
 * `npm run test:security`: Electronegativity over the app's sources (main,
 * preload, renderer), through its run() API. Fails on any finding of medium
 * severity or above. Findings that were reviewed are suppressed in the code
 * itself with `eng-disable CHECK — reason`, one reason per suppression.
 */
import run from '@doyensec/electronegativity'
import { resolve } from 'node:path'

const FAIL_AT = 'MEDIUM'
const ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']

// Checks left out, each with its reason.
const excluded = {
  // Looks up newer Electron releases on GitHub: needs the network and says nothing about our code.
  AvailableSecurityFixesGlobalCheck: 'needs the network; Electron upgrades are tracked in package.json'
}

const electronVersion = (await import('electron/package.json', { with: { type: 'json' } })).default.version

const result = await run({
  input: resolve('src'),
  electronVersionOverride: electronVersion,
  severitySet: 'informational',
  confidenceSet: 'tentative',
  isRelative: true,
  excludeFromScan: Object.keys(excluded),
  customScan: []
})

const failing = result.issues.filter((issue) => ORDER.indexOf(issue.severity.name) >= ORDER.indexOf(FAIL_AT))
for (const issue of result.issues) {
  const mark = failing.includes(issue) ? 'FAIL' : 'note'
  console.log(`${mark} ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.file}:${issue.location.line} ${issue.description}`)
}
if (result.errors.length) {
  for (const error of result.errors) console.error('electronegativity could not scan', error.file, error.message ?? error)
  process.exitCode = 1
}
if (failing.length) {
  console.error(`Electronegativity: ${failing.length} finding(s) at ${FAIL_AT} or above.`)
  process.exitCode = 1
} else {
  console.log(`Electronegativity: no finding at ${FAIL_AT} or above (${result.issues.length} below).`)
}
