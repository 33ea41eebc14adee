/**
 * A second process for the lock tests: opens the library in the data
 * directory given as its argument, says "open" on stdout, and keeps it open
 * until it is killed (or told to close with a line on stdin).
 * Run with vite-node: `vite-node src/main/testing/holder.ts DIR`.
 */
import { openLibrary } from '../library/library'

const library = openLibrary(process.argv[2]!, { program: 'the lock test’s holder' })
process.stdout.write('open\n')
process.stdin.once('data', () => {
  library.close()
  process.exit(0)
})
