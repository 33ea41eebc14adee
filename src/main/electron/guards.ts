/**
 * What no web content in the app may do: navigate, open windows, attach
 * webviews, or be granted a permission (camera, notifications, geolocation…).
 * Links to http(s) pages go to the system browser after validation.
 */
import { app, session, shell, type WebContents } from 'electron'
import { externalUrl, isAppUrl } from './security'

function openOutside(url: string): void {
  const safe = externalUrl(url)
  if (safe) void shell.openExternal(safe) // eng-disable OPEN_EXTERNAL_JS_CHECK — only http(s) URLs that passed externalUrl() get here
}

function guard(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    // A reload of the app's own page is not a navigation away; everything else is refused.
    if (isAppUrl(url, devServerUrl) && isAppUrl(contents.getURL(), devServerUrl) && url === contents.getURL()) return
    event.preventDefault()
    openOutside(url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
}

/** Installs the guards on the session and on every web contents the app ever creates. */
export function installGuards(devServerUrl: string | undefined): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => guard(contents, devServerUrl))
}
