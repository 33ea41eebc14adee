import { describe, expect, it } from 'vitest'
import { importAccept, importableNames, importFormatInfo, importFormatOf, importFormats, isAnnotationFile, notImportable } from './formats'

describe('the import formats table', () => {
  it('gives each extension to one format only', () => {
    const extensions = importFormats.flatMap((format) => importFormatInfo[format].extensions)
    expect(new Set(extensions).size).toBe(extensions.length)
    for (const extension of extensions) expect(extension).toMatch(/^[a-z0-9]+$/)
  })

  it('picks a format from a file name, whatever its case, and nothing for other files', () => {
    expect(importFormatOf('Report.MD')).toBe('markdown')
    expect(importFormatOf('page.htm')).toBe('html')
    expect(importFormatOf('dir.pdf/notes.txt')).toBe('text')
    expect(importFormatOf('claims.jsonld')).toBe('jsonld')
    expect(importFormatOf('photo.png')).toBeNull()
    expect(importFormatOf('pdf')).toBeNull()
    expect(importFormatOf('archive.docx.exe')).toBeNull()
    expect(isAnnotationFile('x.JSONLD')).toBe(true)
    expect(isAnnotationFile('x.html')).toBe(false)
  })

  it('names the formats to the analyst as the dialog, the drop notice and the CLI always have', () => {
    expect(importableNames).toBe('.txt, .md, .html, .docx, .pdf, .jsonld')
    expect(notImportable('"photo.png"')).toBe(
      '"photo.png" is not a file Factmark can import; use a .txt, .md, .html, .docx or .pdf file, or a Factmark .jsonld export.'
    )
    expect(importAccept.split(',')).toEqual(expect.arrayContaining(['.txt', '.markdown', '.xhtml', '.jsonld', 'text/html', 'application/pdf']))
  })
})
