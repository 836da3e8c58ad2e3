/**
 * Request keys: one per form submission, so that sending it again after a lost answer (a weak mobile network)
 * gets the first result back instead of making a second record. The server checks only the shape
 * (`requestKey()` in shared/contract/fields.ts).
 */

/** What an API call takes beside its input; only create actions use it. */
export interface Submission {
  requestKey: string
}

/** Time first so two keys of one person never meet; randomness after it for the rest. */
export function newRequestKey(): string {
  let random = ''
  while (random.length < 16) random += Math.random().toString(36).slice(2)
  return `${Date.now().toString(36)}${random.slice(0, 16)}`
}

/**
 * The key of the submission under way. Sending the same content again reuses it (a retry, whatever the last
 * answer was: a failed attempt left no record behind, so repeating its key is harmless); different content, or
 * the first send after a success, starts a new submission.
 */
export class SubmissionKeys {
  private current: { key: string; content: string } | null = null

  forAttempt(content: unknown = null): Submission {
    const text = JSON.stringify(content) ?? ''
    if (!this.current || this.current.content !== text) this.current = { key: newRequestKey(), content: text }
    return { requestKey: this.current.key }
  }

  succeeded(): void {
    this.current = null
  }
}
