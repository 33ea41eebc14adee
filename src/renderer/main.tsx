import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { statuses, statusStyles } from '../shared/status'
import { createClient } from './api/client'
import { App } from './App'
import 'prosemirror-view/style/prosemirror.css'
import './styles.css'

// Verdict colours come from the one vocabulary in src/shared/status.ts: each
// .claim--<status> class sets --status, which highlights, badges and bars use, and
// --icon, which a highlight shows after its words.
const verdictColours = new CSSStyleSheet()
for (const status of statuses) {
  verdictColours.insertRule(`.claim--${status} { --status: ${statusStyles[status].colour}; --icon: ${JSON.stringify(statusStyles[status].icon)} }`)
}
document.adoptedStyleSheets = [...document.adoptedStyleSheets, verdictColours]

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createClient()} />
  </StrictMode>
)
