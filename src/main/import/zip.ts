/**
 * A zip archive's honest size: every entry is inflated (and the output
 * thrown away) under a budget, before a .docx reader unpacks it. Sizes in
 * the archive's directory can lie; the inflated bytes cannot. This is what
 * stops a zip bomb.
 */
import { inflateRawSync } from 'node:zlib'
import { FactmarkError } from '../../shared/errors'

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50
const MAX_ENTRIES = 10_000

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readUint32(bytes, 0) === LOCAL_HEADER
}

/** Throws unless the archive is readable and unpacks to at most `budget` bytes. */
export function checkUnpackedSize(bytes: Uint8Array, budget: number, what: string): void {
  const damaged = () => new FactmarkError('unsupported_file', `${what} is a damaged zip archive.`)
  const tooBig = () =>
    new FactmarkError('too_large', `${what} unpacks to more than ${budget / 1024 / 1024} MB; it is refused as a possible zip bomb.`)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) throw damaged()
  const entries = buffer.readUInt16LE(end + 10)
  if (entries > MAX_ENTRIES) throw tooBig()
  let at = buffer.readUInt32LE(end + 16)
  let total = 0
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_HEADER) throw damaged()
    const method = buffer.readUInt16LE(at + 10)
    const compressedSize = buffer.readUInt32LE(at + 20)
    const local = buffer.readUInt32LE(at + 42)
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32)
    if (compressedSize === 0xffffffff || local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_HEADER) throw damaged()
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    const data = buffer.subarray(dataStart, dataStart + compressedSize)
    if (method === 0) total += data.length
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, budget - total + 1) }).length
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig()
        throw damaged()
      }
    } else throw damaged()
    if (total > budget) throw tooBig()
  }
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) >>> 0) + bytes[at + 3]! * 0x1000000
}
