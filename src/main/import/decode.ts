/**
 * Turns a file's bytes into text, or says plainly why it cannot.
 */
import { FactmarkError } from '../../shared/errors'

/** Bytes that never appear in text: NUL and most C0 controls. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 9 || (byte > 13 && byte < 32)) controls++
  }
  return sample.length > 0 && controls / sample.length > 0.05
}

export function decodeText(bytes: Uint8Array, fileName: string): string {
  // A UTF-16 file is full of NULs, so its byte-order mark must be read first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2), fileName)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2), fileName)
  if (looksBinary(bytes)) {
    throw new FactmarkError('unsupported_file', `"${fileName}" looks like a binary file, not text.`)
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  return decode('utf-8', bytes.subarray(start), fileName)
}

function decode(encoding: string, bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new FactmarkError('unsupported_file', `"${fileName}" is not valid ${encoding.toUpperCase()} text.`)
  }
}
