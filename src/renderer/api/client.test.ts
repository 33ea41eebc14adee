import { describe, expect, it } from 'vitest'
import { createClient, errorMessage } from './client'

describe('errors shown to the analyst', () => {
  it('drop the operation name the host puts first, and keep the field that names the problem', async () => {
    // The refusal exactly as the host answers it (dispatch.ts).
    const message = 'updateMetadata: sourceUrl: The address must start with http:// or https://'
    const client = createClient({ call: async () => ({ ok: false, error: { code: 'invalid_input', message } }) })
    const shown = await client.updateMetadata({ documentId: '7e0d2a63-1f4c-4c38-9d0e-5b6a8c1f2e3d', sourceUrl: 'javascript:alert(1)' }).catch(errorMessage)
    expect(shown).toBe('sourceUrl: The address must start with http:// or https://')
  })

  it('leave a message that does not start with the operation name as it is', async () => {
    const message = 'There is no document with id 7e0d2a63-1f4c-4c38-9d0e-5b6a8c1f2e3d.'
    const client = createClient({ call: async () => ({ ok: false, error: { code: 'not_found', message } }) })
    expect(await client.getDocument({ documentId: '7e0d2a63-1f4c-4c38-9d0e-5b6a8c1f2e3d' }).catch(errorMessage)).toBe(message)
  })
})
