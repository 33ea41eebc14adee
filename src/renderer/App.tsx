/**
 * The Factmark window, as a layout: the top bar, the library, the reader and
 * the claims pane, with the dialogs mounted once. State lives on the desk
 * (desk/Desk.ts); what each part does lives beside it (library/, reader/,
 * claims/, document/); what the analyst can do is the command table (commands/).
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react'
import type { ApiClient } from '../shared/api'
import { AnalystName } from './app/AnalystName'
import { TeamPanel } from './team/TeamPanel'
import { ClaimsPane } from './claims/ClaimsPane'
import { StatusLegend } from './claims/StatusLegend'
import { commands } from './commands'
import { CommandPalette } from './commands/CommandPalette'
import { windowKeys } from './commands/keys'
import { DeskContext } from './desk/context'
import { Desk } from './desk/Desk'
import { useValue } from './desk/value'
import { DocumentDialogs } from './document/DocumentDialogs'
import { layout } from './layout/layout'
import { Backups } from './library/Backups'
import { PriorFactChecks } from './assist/PriorFactChecks'
import { ImportFlow } from './library/ImportFlow'
import { followClaims, startDesk } from './library/library'
import { LibraryPane } from './library/LibraryPane'
import { Reader } from './reader/Reader'
import { openHit } from './search/openHit'
import { SearchBox } from './search/SearchBox'

export function App({ api }: { api: ApiClient }) {
  const [desk] = useState(() => new Desk(api))
  const fatal = useValue(desk.fatal)
  const sizes = useValue(layout)
  const [dropping, setDropping] = useState(false)
  const search = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const onKey = windowKeys(commands, desk)
    window.addEventListener('keydown', onKey)
    const stopFollowing = followClaims(desk)
    const stopSearch = desk.registerFocus('search', () => search.current?.focus())
    void startDesk(desk)
    return () => {
      window.removeEventListener('keydown', onKey)
      stopFollowing()
      stopSearch()
    }
  }, [desk])

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Factmark</h1>
        <p>{fatal}</p>
      </main>
    )
  }

  const panes = {
    '--library-width': sizes.libraryHidden ? '0px' : `${sizes.library}px`,
    '--claims-width': sizes.claimsHidden ? '0px' : `${sizes.claims}px`,
    '--list-height': `${sizes.list}px`
  } as CSSProperties
  const classes = ['app', dropping && 'app--dropping', sizes.libraryHidden && 'app--no-library', sizes.claimsHidden && 'app--no-claims']

  return (
    <DeskContext value={desk}>
      <div className={classes.filter(Boolean).join(' ')} style={panes}>
        <header className="topbar">
          <h1 className="brand">
            <span className="brand-mark" aria-hidden="true">
              ✓
            </span>
            Factmark
          </h1>
          <SearchBox api={api} onOpen={(hit, query) => void openHit(desk, hit, query)} inputRef={search} />
          <StatusLegend />
          <TeamPanel api={api} />
          <AnalystName api={api} report={desk.report} />
        </header>
        {!sizes.libraryHidden && (
          <LibraryPane>
            {/* Everything on screen came from the replaced library: start afresh. */}
            <Backups api={api} onRestored={() => window.location.reload()} />
            <PriorFactChecks api={api} onImported={() => desk.priorVersion.set(desk.priorVersion.get() + 1)} />
          </LibraryPane>
        )}
        <Reader />
        {!sizes.claimsHidden && <ClaimsPane />}
        <ImportFlow onDragging={setDropping} />
        <DocumentDialogs />
        <CommandPalette />
      </div>
    </DeskContext>
  )
}
