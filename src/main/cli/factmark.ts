#!/usr/bin/env node
/**
 * The `factmark` command's entry point (built to out/main/cli.js; package.json "bin").
 */
import { runCli } from './main'

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  env: process.env
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`factmark: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 4
  }
)
