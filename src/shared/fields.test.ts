import { describe, expect, it } from 'vitest'
import { checkSourceUrl, isWebLink, normaliseTags } from './fields'

describe('source URLs', () => {
  it('accepts http(s) addresses with a host: names, IDNs, IPs, ports, paths, queries', () => {
    for (const url of [
      'https://example.org',
      'HTTP://EXAMPLE.ORG/Path?q=1#frag',
      'https://www.bbc.co.uk/news/world-middle-east-12345678',
      'https://xn--80ak6aa92e.com/',
      'https://报告.中国/路径',
      'http://192.168.0.1:8080/x',
      'http://[::1]/',
      'https://user@example.org/'
    ]) {
      expect(checkSourceUrl(`  ${url} `)).toBe(url)
    }
  })

  it('refuses other schemes, missing hosts, spaces and plain words, naming the problem', () => {
    expect(() => checkSourceUrl('javascript:alert(1)')).toThrow('“javascript:” addresses are not allowed')
    expect(() => checkSourceUrl('vbscript:msgbox')).toThrow('“vbscript:”')
    expect(() => checkSourceUrl('file:///C:/x')).toThrow('“file:”')
    expect(() => checkSourceUrl('ftp://example.org')).toThrow('“ftp:”')
    expect(() => checkSourceUrl('//example.org')).toThrow('must start with http:// or https://')
    expect(() => checkSourceUrl('example.org')).toThrow('must start with http:// or https://')
    expect(() => checkSourceUrl('http:/example.org')).toThrow('no host name')
    expect(() => checkSourceUrl('https://-bad-.org')).toThrow('no host name')
    expect(() => checkSourceUrl('https://a b.org')).toThrow('contains spaces')
    expect(() => checkSourceUrl('')).toThrow('The source needs a URL.')
    expect(isWebLink('https://example.org/ok')).toBe(true)
    expect(isWebLink('javascript://example.org/%0Aalert(1)')).toBe(false)
  })
})

describe('normaliseTags', () => {
  it('trims and drops repeats, keeping the order', () => {
    expect(normaliseTags([' Syria', 'IS', 'Syria ', 'IS'])).toEqual(['Syria', 'IS'])
  })
})
