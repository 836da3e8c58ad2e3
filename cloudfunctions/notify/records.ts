import type { SendState } from '@shared/notify/retry';

/**
 * One event for many people, written in the change's transaction. Delivery (outside it) writes each recipient's
 * inbox item and queues their subscription message, then marks it delivered.
 */
export interface OutboxDoc {
  _id: string;
  event: string;
  communityId: string | null;
  recipients: string[];
  data: Record<string, unknown>;
  createdAt: number;
  delivered: boolean;
  /** Recipients handled so far, so a delivery cut short resumes where it stopped. */
  progress: number;
  deliveredAt: number | null;
}

/** One recipient's WeChat subscription message for one outbox entry: `<outboxId>:<userId>`. */
export interface SendDoc {
  _id: string;
  outboxId: string;
  communityId: string | null;
  event: string;
  templateKey: string;
  userId: string;
  state: SendState;
  reason: string | null;
  tries: number;
  nextAt: number | null;
  claimedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A person's notification settings: events turned off, and acceptances left per template key. */
export interface NotifySettingsDoc {
  _id: string;
  off: string[];
  left: Record<string, number>;
  updatedAt: number;
}

export const itemId = (outboxId: string, userId: string) => `${outboxId}:${userId}`;
