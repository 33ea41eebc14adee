import { describe, expect, it } from 'vitest'
import { noteParts } from './links'

describe('noteParts', () => {
  it('links http(s) addresses, leaving trailing punctuation as text', () => {
    expect(noteParts('See https://example.org/a?b=1, and (http://x.test/p).')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: ', and (' },
      { text: 'http://x.test/p', href: 'http://x.test/p' },
      { text: ').' }
    ])
  })

  it('never links javascript:, data: or file: addresses, and keeps HTML as text', () => {
    const body = 'javascript:alert(1) file:///etc/passwd data:text/html,<script>x</script> <a href="https://e.org">e</a>'
    const parts = noteParts(body)
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://e.org'])
    expect(parts.map((p) => p.text).join('')).toBe(body)
  })

  it('keeps a note without links whole, in any script', () => {
    expect(noteParts('报告称 ۱۱۴ اویغور')).toEqual([{ text: '报告称 ۱۱۴ اویغور' }])
    expect(noteParts('')).toEqual([])
  })
})
