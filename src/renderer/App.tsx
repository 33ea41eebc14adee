/**
 * The Factmark window: library, article, claims. Data comes from the API;
 * this component keeps only view state (what is open, what is selected).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiClient } from '../shared/api'
import type { ArticleDocument, Claim, DocumentSummary } from '../shared/model'
import { ApiCallError, errorMessage } from './api/client'
import { ArticleView, type ArticleViewHandle } from './article/ArticleView'
import { ClaimsPane } from './claims/ClaimsPane'
import { StatusLegend } from './claims/StatusLegend'
import { OrphanList } from './claims/OrphanList'
import { EditDetails } from './document/EditDetails'
import { IMPORTABLE, ImportDialog, type ImportRequest } from './library/ImportDialog'
import { LibraryPane } from './library/LibraryPane'
import { importDocument, importVersion } from './library/request'
import { useFileDrop } from './library/useFileDrop'

const byPosition = (a: Claim, b: Claim) => a.position.start - b.position.start || a.position.end - b.position.end

export function App({ api }: { api: ApiClient }) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const [openDocument, setOpenDocument] = useState<ArticleDocument | null>(null)
  const [claims, setClaims] = useState<Claim[]>([])
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null)
  const [importing, setImporting] = useState(false)
  const [importBusy, setImportBusy] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [newVersion, setNewVersion] = useState(false)
  const article = useRef<ArticleViewHandle>(null)

  const report = useCallback((error: unknown) => {
    if (error instanceof ApiCallError && error.code === 'unauthorized') {
      setFatal('This page has no valid access token. Open the address that `npm start` printed.')
    } else setNotice(errorMessage(error))
  }, [])

  const refreshLibrary = useCallback(() => api.listDocuments({}).then(setDocuments, report), [api, report])

  const open = useCallback(
    async (documentId: string) => {
      try {
        const [doc, docClaims] = await Promise.all([api.getDocument({ documentId }), api.listClaims({ documentId })])
        setSelectedClaimId(null)
        setClaims(docClaims)
        setOpenDocument(doc)
        localStorage.setItem('factmark-open-document', documentId)
      } catch (error) {
        report(error)
      }
    },
    [api, report]
  )

  // On start: the library, and the document that was open last time.
  useEffect(() => {
    void refreshLibrary().then(() => {
      const last = localStorage.getItem('factmark-open-document')
      if (last) void api.getDocument({ documentId: last }).then(() => open(last), () => undefined)
    })
  }, [api, open, refreshLibrary])

  const runImport = async (request: ImportRequest, asVersion = newVersion) => {
    setImportBusy(true)
    setImportError(null)
    try {
      if (asVersion && openDocument) {
        const { result, summary } = await importVersion(api, openDocument.id, request)
        setImporting(false)
        setClaims(result.claims)
        setOpenDocument(result.document)
        setNotice(summary)
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

  const markClaim = useCallback(async () => {
    if (!openDocument) return
    const span = article.current?.selectedSpan()
    if (!span) {
      setNotice('Select the words of the claim in the article first.')
      return
    }
    try {
      const claim = await api.createClaim({ documentId: openDocument.id, ...span })
      setClaims((current) => [...current, claim].sort(byPosition))
      setSelectedClaimId(claim.id)
      setNotice(null)
      void refreshLibrary()
    } catch (error) {
      report(error)
    }
  }, [api, openDocument, refreshLibrary, report])

  const reattach = async (claimId: string) => {
    const span = article.current?.selectedSpan()
    if (!span) {
      setNotice('Select the words the claim now refers to, then re-attach it.')
      return
    }
    try {
      const claim = await api.reattachClaim({ claimId, ...span })
      setClaims((current) => current.map((c) => (c.id === claimId ? claim : c)).sort(byPosition))
      setSelectedClaimId(claimId)
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
    if (!IMPORTABLE.test(file.name)) {
      setNotice(`“${file.name}” is not a file Factmark can import; use a .txt, .md, .html, .docx or .pdf file.`)
      return
    }
    const asVersion = importing && newVersion
    setNewVersion(asVersion)
    setImporting(true)
    void runImport({ kind: 'file', file }, asVersion)
  }
  const dropping = useFileDrop(useCallback((file: File) => onDrop.current(file), []))

  const selectClaim = (claimId: string, reveal: boolean) => {
    setSelectedClaimId(claimId)
    if (reveal) article.current?.revealClaim(claimId)
  }

  // Window-wide shortcuts.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault()
        setImportError(null)
        setNewVersion(false)
        setImporting(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Factmark</h1>
        <p>{fatal}</p>
      </main>
    )
  }

  return (
    <div className={dropping ? 'app app--dropping' : 'app'}>
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Factmark
        </h1>
        <StatusLegend />
      </header>
      <LibraryPane
        documents={documents}
        openId={openDocument?.id ?? null}
        onOpen={(id) => void open(id)}
        onImport={() => startImport(false)}
      />
      <main className="reader" aria-label="Article">
        {openDocument ? (
          <>
            <div className="reader-toolbar" role="toolbar" aria-label="Article actions">
              <div className="reader-title">
                <h2>{openDocument.title}</h2>
                <span className="reader-meta">
                  {[openDocument.publisher, openDocument.author, `imported ${new Date(openDocument.importedAt).toLocaleDateString()}`]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
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
            </div>
            {notice && (
              <p className="notice" role="alert">
                {notice}
                <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss message">
                  ×
                </button>
              </p>
            )}
            <OrphanList claims={claims} onReattach={(id) => void reattach(id)} />
            <div className="reader-scroll">
              <ArticleView
                ref={article}
                document={openDocument}
                claims={claims}
                selectedClaimId={selectedClaimId}
                onMark={() => void markClaim()}
                onSelectClaim={(id) => selectClaim(id, false)}
              />
            </div>
          </>
        ) : (
          <div className="welcome">
            <h2>Open an article to check it</h2>
            <p>Import a news article, select each sentence that makes a claim, and mark it. Every claim stays on its words.</p>
            {notice && <p role="alert" className="error">{notice}</p>}
          </div>
        )}
      </main>
      <ClaimsPane claims={claims} selectedId={selectedClaimId} onSelect={(id) => selectClaim(id, true)} />
      <ImportDialog
        open={importing}
        busy={importBusy}
        error={importError}
        versionOf={newVersion ? openDocument?.title : null}
        onImport={(request) => void runImport(request)}
        onClose={() => setImporting(false)}
      />
    </div>
  )
}
