/**
 * Claims whose words could not be found in the current version of the
 * document. They are never dropped: each is listed with its quote, and the
 * analyst re-attaches it by selecting its words (as they now read) in the
 * article and pressing its button.
 */
import type { Claim } from '../../shared/model'

interface Props {
  claims: readonly Claim[]
  onReattach(claimId: string): void
}

export function OrphanList({ claims, onReattach }: Props) {
  const orphans = claims.filter((claim) => claim.orphaned)
  if (orphans.length === 0) return null
  return (
    <section className="orphans" aria-label="Claims not found in this version">
      <h3>
        <span className="orphan-marker">Not found</span>{' '}
        {orphans.length === 1 ? '1 claim is' : `${orphans.length} claims are`} not in this version of the text. Select the words they
        now refer to and re-attach them.
      </h3>
      <ul>
        {orphans.map((claim) => (
          <li key={claim.id}>
            <q dir="auto">{claim.quote.exact}</q>
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onReattach(claim.id)}
              aria-label={`Re-attach “${claim.quote.exact}” to the selected text`}
            >
              Re-attach to selection
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
