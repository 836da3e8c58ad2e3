import { contract, parseInput, type ActionSpec, type Contract, type InputOf, type OutputOf } from '@shared/contract'
import { ApiCallError, fromEnvelopeError } from './errors'
import type { Envelope } from '@shared/errors'
import { sendToCloud } from './transport'
import type { Submission } from './requestKey'

/** Beside the input: the submission a create action belongs to (its request key), from `useForm` or `useAction`. */
export type CallOptions = Partial<Submission>

/** An action with nothing required may be called with no argument: `api.user.me()`. */
type Call<A> = {} extends InputOf<A>
  ? (input?: InputOf<A>, options?: CallOptions) => Promise<OutputOf<A>>
  : (input: InputOf<A>, options?: CallOptions) => Promise<OutputOf<A>>

export type ApiClient = { [F in keyof Contract]: { [K in keyof Contract[F]]: Call<Contract[F][K]> } }

/**
 * Calls one action. Input is checked first with the schema the server uses, so a form learns about a
 * missing field without a round trip and nothing invalid is ever sent.
 */
export async function callAction(name: string, action: string, spec: ActionSpec, input: unknown, options: CallOptions = {}): Promise<unknown> {
  checkInput(spec, input)
  // Only create actions take a key; any other action's schema would refuse the extra field.
  const data = spec.create && options.requestKey ? { ...(input as object), requestKey: options.requestKey } : (input ?? {})
  return unwrap(await sendToCloud(name, { action, data }))
}

/** Throws the VALIDATION error the server would answer with, field messages included. */
function checkInput(spec: ActionSpec, input: unknown): void {
  const parsed = parseInput(spec.input, input ?? {})
  if (!parsed.ok) {
    throw new ApiCallError({ code: 'VALIDATION', message: Object.values(parsed.fields)[0], fields: parsed.fields })
  }
}

/** For a form that asks "are you sure?" before sending: check first, with the same schema and messages. */
export function validateInput<F extends keyof Contract, K extends keyof Contract[F]>(name: F, action: K, input: InputOf<Contract[F][K]>): void {
  checkInput((contract[name] as unknown as Record<string, ActionSpec>)[action as string], input)
}

/** The data of a success envelope; anything else (an error envelope, a gateway page, nothing) is thrown. */
export function unwrap(result: unknown): unknown {
  const envelope = (result && typeof result === 'object' ? result : {}) as Partial<Envelope<unknown>>
  if (envelope.ok === true && 'data' in envelope) return envelope.data
  throw fromEnvelopeError(envelope.ok === false ? envelope.error : undefined)
}

/** Built from the contract, so an action added there is callable here with its types, untouched. */
export function createApiClient(source: Record<string, Record<string, ActionSpec>> = contract): ApiClient {
  const client: Record<string, Record<string, (input?: unknown, options?: CallOptions) => Promise<unknown>>> = {}
  for (const [name, actions] of Object.entries(source)) {
    client[name] = {}
    for (const [action, spec] of Object.entries(actions)) {
      client[name][action] = (input?: unknown, options?: CallOptions) => callAction(name, action, spec, input, options)
    }
  }
  return client as unknown as ApiClient
}

export const api = createApiClient()
