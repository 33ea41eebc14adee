/** Saves an exported report as a download (Blob + a[download]): the browser's, or Electron's save dialog. */
import type { ReportFile } from '../../shared/model'

export function saveReport(file: ReportFile): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data
  const url = URL.createObjectURL(new Blob([body], { type: file.mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Give the download a moment to start before the address goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
