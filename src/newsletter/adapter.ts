/**
 * What sends an edition: one adapter per provider. The SMTP adapter (smtp-adapter.ts) is the
 * one the project ships; a provider with an HTTP API gets an adapter of its own with the same
 * shape, and the rest of `npm run newsletter:send` (the edition, the sent marker) stays.
 */

export interface OutgoingMessage {
  from: string;
  /** The provider's list address, which delivers to every subscriber. */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@host>`: the same for every attempt at one edition, so a provider can drop a duplicate. */
  messageId: string;
  headers: Record<string, string>;
}

export interface SendResult {
  /** What the provider said, for the log and the sent marker. */
  response: string;
}

export interface SendAdapter {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/**
 * A failure before the message was handed over (no connection, credentials refused): nothing
 * went out, so the edition's claim is released and a later run may send it.
 */
export class NotSentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSentError';
  }
}

/** A failure once the message may have been handed over: the claim stays, reported by the next run. */
export class SendFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SendFailedError';
  }
}
