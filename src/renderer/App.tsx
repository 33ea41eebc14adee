/**
 * The Factmark window: library, article, claims. Data comes from the API;
 * this component keeps only view state (what is open, what is selected) and
 * wires the panes together. Claim actions and undo live in app/useClaims,
 * shortcuts in app/useShortcuts.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiClient } from '../shared/api'
import type { ArticleDocument, DocumentSummary, SearchHit } from '../shared/model'
import { importFormatOf, notImportable } from '../shared/import/formats'
import { statuses } from '../shared/status'
import { ApiCallError, errorMessage } from './api/client'
import { AnalystName } from './app/AnalystName'
import { NoticeBar, type Notice } from './app/NoticeBar'
import { useClaims } from './app/useClaims'
import { useShortcuts } from './app/useShortcuts'
import { ArticleView, type ArticleViewHandle } from './article/ArticleView'
import { ClaimCard } from './claims/ClaimCard'
import { ClaimsPane } from './claims/ClaimsPane'
import { matchesFilter, noFilter, type ClaimFilter } from './claims/filter'
import { StatusLegend } from './claims/StatusLegend'
import { OrphanList } from './claims/OrphanList'
import { EditDetails } from './document/EditDetails'
import { Backups } from './library/Backups'
import { ConfirmDialog } from './library/ConfirmDialog'
import { ImportDialog, type ImportRequest } from './library/ImportDialog'
import { LibraryPane } from './library/LibraryPane'
import { importDocument, importVersion } from './library/request'
import { useFileDrop } from './library/useFileDrop'
import { ExportDialog } from './report/ExportDialog'
import { SearchBox } from './search/SearchBox'

export function App({ api }: { api: ApiClient }) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const [openDocument, setOpenDocument] = useState<ArticleDocument | null>(null)
  const [importing, setImporting] = useState(false)
  const [importBusy, setImportBusy] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const [filter, setFilter] = useState<ClaimFilter>(noFilter)
  const [knownTags, setKnownTags] = useState<string[]>([])
  const [deletingDocument, setDeletingDocument] = useState<DocumentSummary | null>(null)
  const [newVersion, setNewVersion] = useState(false)
  const article = useRef<ArticleViewHandle>(null)
  const searchInput = useRef<HTMLInputElement>(null)

  const report = useCallback((error: unknown) => {
    if (error instanceof ApiCallError && error.code === 'unauthorized') {
      setFatal('This page has no valid access token. Open the address that `npm start` printed.')
    } else setNotice({ message: errorMessage(error) })
  }, [])

  const refreshLibrary = useCallback(() => api.listDocuments({}).then(setDocuments, report), [api, report])
  const refreshTags = useCallback(() => api.listTags({}).then((tags) => setKnownTags(tags.map((t) => t.tag)), report), [api, report])
  const changed = useCallback(() => {
    void refreshLibrary()
    void refreshTags()
  }, [refreshLibrary, refreshTags])

  const claims = useClaims({ api, report, onChanged: changed })
  const { load: loadClaims } = claims
  const selectedClaim = claims.claims.find((claim) => claim.id === claims.selectedId) ?? null

  const open = useCallback(
    async (documentId: string) => {
      try {
        const [doc, docClaims] = await Promise.all([api.getDocument({ documentId }), api.listClaims({ documentId })])
        loadClaims(documentId, docClaims)
        setFilter(noFilter)
        setOpenDocument(doc)
        localStorage.setItem('factmark-open-document', documentId)
        return true
      } catch (error) {
        report(error)
        return false
      }
    },
    [api, loadClaims, report]
  )

  // On start: the library, the tags, and the document that was open last time.
  useEffect(() => {
    void refreshTags()
    void refreshLibrary().then(() => {
      const last = localStorage.getItem('factmark-open-document')
      if (last) void api.getDocument({ documentId: last }).then(() => open(last), () => undefined)
    })
  }, [api, open, refreshLibrary, refreshTags])

  const runImport = async (request: ImportRequest, asVersion = newVersion) => {
    setImportBusy(true)
    setImportError(null)
    try {
      if (asVersion && openDocument) {
        const { result, summary } = await importVersion(api, openDocument.id, request)
        setImporting(false)
        setOpenDocument(result.document)
        loadClaims(result.document.id, result.claims)
        setNotice({ message: summary })
        void refreshLibrary()
        return
      }
      const doc = await importDocument(api, request)
      setImporting(false)
      await refreshLibrary()
      await open(doc.id)
      article.current?.focus()
    } catch (error) {
      setImportError(errorMessage(error))
    } finally {
      setImportBusy(false)
    }
  }

  const markClaim = async () => {
    if (!openDocument) return
    const span = article.current?.selectedSpan()
    if (!span) {
      setNotice({ message: 'Select the words of the claim in the article first (double-click selects a sentence).' })
      return
    }
    if (await claims.mark(openDocument.id, span)) setNotice(null)
  }

  const reattach = async (claimId: string) => {
    const span = article.current?.selectedSpan()
    if (!span) {
      setNotice({ message: 'Select the words the claim now refers to, then re-attach it.' })
      return
    }
    try {
      claims.put(await api.reattachClaim({ claimId, ...span }))
      claims.setSelectedId(claimId)
      setNotice(null)
    } catch (error) {
      report(error)
    }
  }

  const startImport = (version: boolean) => {
    setImportError(null)
    setNewVersion(version)
    setImporting(true)
  }

  // Files dropped on the window are imported, with the dialog showing progress: as a new
  // document, or as a new version when the dialog is open for one.
  const onDrop = useRef<(file: File) => void>(() => undefined)
  onDrop.current = (file) => {
    if (!importFormatOf(file.name)) {
      setNotice({ message: notImportable(`“${file.name}”`) })
      return
    }
    const asVersion = importing && newVersion
    setNewVersion(asVersion)
    setImporting(true)
    void runImport({ kind: 'file', file }, asVersion)
  }
  const dropping = useFileDrop(useCallback((file: File) => onDrop.current(file), []))

  const selectClaim = (claimId: string, reveal: boolean) => {
    claims.setSelectedId(claimId)
    if (reveal) article.current?.revealClaim(claimId)
  }

  const deleteClaim = async (claimId: string) => {
    if (await claims.remove(claimId)) setNotice({ message: 'Claim deleted.', undo: true })
  }

  const undo = async () => {
    const label = await claims.undo()
    setNotice(label ? { message: `Undone: ${label.toLowerCase()}.` } : { message: 'Nothing to undo.' })
  }
  const redo = async () => {
    const label = await claims.redo()
    setNotice(label ? { message: `Redone: ${label.toLowerCase()}.` } : { message: 'Nothing to redo.' })
  }

  // A search hit to show once its document is open (the article view mounts first: child effects run first).
  const [pendingHit, setPendingHit] = useState<{ hit: SearchHit; query: string } | null>(null)
  const openHit = async (hit: SearchHit, query: string) => {
    if (openDocument?.id === hit.documentId || (await open(hit.documentId))) setPendingHit({ hit, query })
  }
  useEffect(() => {
    if (!pendingHit || openDocument?.id !== pendingHit.hit.documentId) return
    const { hit, query } = pendingHit
    setPendingHit(null)
    if (hit.claimId) selectClaim(hit.claimId, true)
    else if (hit.offset !== null) article.current?.selectSpan({ start: hit.offset, end: hit.offset + query.length })
  })

  const deleteDocument = async (doc: DocumentSummary) => {
    setDeletingDocument(null)
    try {
      await api.deleteDocument({ documentId: doc.id })
      if (openDocument?.id === doc.id) {
        setOpenDocument(null)
        loadClaims('', [])
        localStorage.removeItem('factmark-open-document')
      }
      changed()
      setNotice({ message: `Deleted “${doc.title}”.` })
    } catch (error) {
      report(error)
    }
  }

  /** The claims the pane shows, for next / previous. */
  const visibleClaims = claims.claims.filter((claim) => matchesFilter(claim, filter))
  useShortcuts({
    importArticle: () => {
      setImportError(null)
      setImporting(true)
    },
    focusSearch: () => searchInput.current?.focus(),
    undo: () => void undo(),
    redo: () => void redo(),
    nextClaim: (step) => {
      if (visibleClaims.length === 0) return
      const at = visibleClaims.findIndex((claim) => claim.id === claims.selectedId)
      const next = at < 0 ? (step > 0 ? 0 : visibleClaims.length - 1) : Math.min(visibleClaims.length - 1, Math.max(0, at + step))
      selectClaim(visibleClaims[next]!.id, true)
    },
    statusKey: (index) => selectedClaim && void claims.setStatus(selectedClaim, statuses[index]!),
    deleteClaim: () => selectedClaim && void deleteClaim(selectedClaim.id),
    newNote: () => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="New note"]')?.focus(),
    deselect: () => claims.setSelectedId(null)
  })

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Factmark</h1>
        <p>{fatal}</p>
      </main>
    )
  }

  const noticeBar = <NoticeBar notice={notice} onUndo={() => void undo()} onDismiss={() => setNotice(null)} />

  return (
    <div className={dropping ? 'app app--dropping' : 'app'}>
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Factmark
        </h1>
        <SearchBox api={api} onOpen={(hit, query) => void openHit(hit, query)} inputRef={searchInput} />
        <StatusLegend />
        <AnalystName api={api} report={report} />
      </header>
      <LibraryPane
        documents={documents}
        openId={openDocument?.id ?? null}
        onOpen={(id) => void open(id)}
        onImport={() => startImport(false)}
      >
        {/* Everything on screen came from the replaced library: start afresh. */}
        <Backups api={api} onRestored={() => window.location.reload()} />
      </LibraryPane>
      <main className="reader" aria-label="Article">
        {openDocument ? (
          <>
            <div className="reader-head">
              <div className="reader-title">
                <h2>{openDocument.title}</h2>
                <span className="reader-meta">
                  {[openDocument.publisher, openDocument.author, `imported ${new Date(openDocument.importedAt).toLocaleDateString()}`]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <div className="reader-toolbar" role="toolbar" aria-label="Article actions">
                <div className="toolbar-group">
                  <button
                    type="button"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => article.current?.snapToSentence() || setNotice({ message: 'Put the caret in a sentence first.' })}
                    aria-keyshortcuts="Alt+S"
                    title="Select the whole sentence at the caret (Alt+S, or double-click)"
                  >
                    Select sentence
                  </button>
                  <button
                    type="button"
                    className="primary"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => void markClaim()}
                    aria-keyshortcuts="Control+Enter Meta+Enter"
                    title="Mark the selected text as a claim (Ctrl+Enter)"
                  >
                    Mark as claim
                  </button>
                </div>
                <div className="toolbar-group">
                  <button type="button" onClick={() => startImport(true)} title="Import a corrected or updated version of this article">
                    New version…
                  </button>
                  <EditDetails
                    api={api}
                    document={openDocument}
                    onSaved={(doc) => {
                      setOpenDocument(doc)
                      void refreshLibrary()
                    }}
                  />
                  <button type="button" onClick={() => setExporting(true)} title="Export a report of this document">
                    Export…
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setDeletingDocument(documents.find((d) => d.id === openDocument.id) ?? null)}
                  >
                    Delete document…
                  </button>
                </div>
              </div>
            </div>
            {noticeBar}
            <OrphanList claims={claims.claims} onReattach={(id) => void reattach(id)} />
            <div className="reader-scroll">
              <ArticleView
                ref={article}
                document={openDocument}
                claims={claims.claims}
                selectedClaimId={claims.selectedId}
                onMark={() => void markClaim()}
                onSelectClaim={(id) => selectClaim(id, false)}
              />
            </div>
          </>
        ) : (
          <div className="welcome">
            <h2>Open an article to check it</h2>
            <p>Import a news article, double-click each sentence that makes a claim, and mark it. Every claim stays on its words.</p>
            {noticeBar}
          </div>
        )}
      </main>
      <ClaimsPane
        claims={claims.claims}
        selectedId={claims.selectedId}
        filter={filter}
        tags={knownTags}
        onFilter={setFilter}
        onSelect={(id) => selectClaim(id, true)}
      >
        {selectedClaim && (
          <ClaimCard
            key={selectedClaim.id}
            api={api}
            claim={selectedClaim}
            number={claims.claims.indexOf(selectedClaim) + 1}
            knownTags={knownTags}
            onStatus={(status) => void claims.setStatus(selectedClaim, status)}
            onUpdated={(claim) => {
              claims.put(claim)
              changed()
            }}
            onDelete={() => void deleteClaim(selectedClaim.id)}
          />
        )}
      </ClaimsPane>
      <ImportDialog
        open={importing}
        busy={importBusy}
        error={importError}
        versionOf={newVersion ? openDocument?.title : null}
        onImport={(request) => void runImport(request)}
        onClose={() => setImporting(false)}
      />
      {openDocument && (
        <ExportDialog open={exporting} api={api} document={openDocument} onClose={() => setExporting(false)} />
      )}
      <ConfirmDialog
        question={deletingDocument && deleteDocumentQuestion(deletingDocument)}
        onConfirm={() => deletingDocument && void deleteDocument(deletingDocument)}
        onCancel={() => setDeletingDocument(null)}
      />
    </div>
  )
}

function deleteDocumentQuestion(doc: DocumentSummary) {
  const claims = doc.claimCount === 1 ? 'claim' : `${doc.claimCount} claims`
  return {
    title: `Delete “${doc.title}”?`,
    body: `The document and its ${claims}, with their notes and sources, will be deleted. Their history stays. This cannot be undone.`,
    confirm: 'Delete document'
  }
}
