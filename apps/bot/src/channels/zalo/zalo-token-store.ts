/**
 * Keeps the Zalo OA tokens in the API (`/bot/channels/zalo/tokens`), so that a renewed pair
 * survives a restart and every bot instance uses the same one. A Zalo refresh token works once:
 * kept in one instance's memory, it is lost on restart, and two instances holding the same one
 * would both spend it while only the first gets a new pair.
 *
 * - `load` at start: the stored pair wins over the configured one, which only seeds the store
 *   (ZALO_OA_ACCESS_TOKEN, ZALO_REFRESH_TOKEN). If the API cannot be reached, the configured pair
 *   and a warning: the channel starts anyway.
 * - `save` after each renewal (the client's `onTokens`): a compare-and-set on the revision the
 *   renewed pair descends from. When another instance saved first (409), its pair is answered,
 *   so that every instance carries on with the stored one.
 * - `reload` after a failed renewal (the client's `reloadTokens`): the pair another instance
 *   stored since, having spent the refresh token first.
 * - A renewed pair the API cannot take now (down, 5xx) is saved again in the background until it
 *   can: it is the only valid pair there is, and a restart before it is stored would lose it.
 *
 * Tokens are secrets: nothing here logs them.
 */
import { isApiError, type ApiClient } from '@gcm/api-client';
import type { Channel, ChannelTokensResponse, SaveChannelTokensRequest } from '@gcm/domain';
import { isTransient } from '../../api/retry';
import { errorMessage } from '../../common/logger';
import { sleep } from '../../common/sleep';
import type { ZaloLogger, ZaloTokens } from './zalo-client';

export type ZaloTokenApi = Pick<ApiClient['bot'], 'getChannelTokens' | 'saveChannelTokens'>;

export interface ZaloTokenStoreOptions {
  logger?: ZaloLogger;
  /** Reads after a failed renewal, the first included (default 6). */
  reloadTries?: number;
  /** Wait between those reads (default 500 ms). */
  reloadDelayMs?: number;
  /** First wait before saving an unsaved pair again (default 30 s; doubles up to 5 min). */
  saveRetryMs?: number;
}

/**
 * Zalo refuses the loser's refresh token as soon as the winner's renewal is through, which can
 * be before the winner has stored its pair: the loser reads a few times before giving up.
 */
const DEFAULT_RELOAD_TRIES = 6;
const DEFAULT_RELOAD_DELAY_MS = 500;

const CHANNEL: Channel = 'zalo';
const DEFAULT_SAVE_RETRY_MS = 30_000;
const MAX_SAVE_RETRY_MS = 5 * 60_000;

interface StoredPair {
  tokens: ZaloTokens;
  revision: number;
}

export class ZaloTokenStore {
  /**
   * The revision of the stored pair the client's tokens are (or were renewed from): 0 when none
   * was stored, undefined while unknown (the API could not be reached at start).
   */
  private revision: number | undefined;
  private readonly logger: ZaloLogger;
  /** A renewed pair the API has not taken yet, and when it is tried again. */
  private unsaved?: ZaloTokens;
  private retry?: { timer: NodeJS.Timeout; delayMs: number };

  constructor(
    private readonly api: ZaloTokenApi,
    private readonly options: ZaloTokenStoreOptions = {},
  ) {
    this.logger = options.logger ?? console;
  }

  /** The tokens to start with: the stored pair, or `configured` when none is stored or readable. */
  async load(configured: ZaloTokens): Promise<ZaloTokens> {
    let stored: StoredPair | undefined;
    try {
      stored = await this.read();
    } catch (error) {
      this.logger.warn(
        `Zalo: could not read the stored tokens from the API (${errorMessage(error)}); ` +
          'starting with ZALO_OA_ACCESS_TOKEN and ZALO_REFRESH_TOKEN',
      );
      return configured;
    }
    this.revision = stored?.revision ?? 0;
    return stored?.tokens ?? configured;
  }

  /**
   * Stores a renewed pair. Answers the stored pair instead when another instance saved first;
   * throws when the API cannot be reached (the client logs it and keeps its pair).
   */
  async save(tokens: ZaloTokens): Promise<ZaloTokens | undefined> {
    // A newer pair replaces one still waiting: that one is spent now.
    this.unsaved = undefined;
    try {
      return await this.store(tokens);
    } catch (error) {
      if (isTransient(error)) this.saveLater(tokens);
      throw error;
    }
  }

  /** Stops saving in the background, trying once more to store a pair still waiting. */
  async stop(): Promise<void> {
    this.cancelRetry();
    const tokens = this.unsaved;
    if (!tokens) return;
    try {
      await this.store(tokens);
      this.unsaved = undefined;
    } catch (error) {
      this.logger.error(
        `Zalo: a renewed token pair could not be stored in the API (${errorMessage(error)}); ` +
          'after this restart the OA may need a new refresh token (see the channel guide)',
      );
    }
  }

  private saveLater(tokens: ZaloTokens): void {
    this.unsaved = tokens;
    if (this.retry) return;
    this.schedule(this.options.saveRetryMs ?? DEFAULT_SAVE_RETRY_MS);
  }

  private schedule(delayMs: number): void {
    const timer = setTimeout(() => void this.retrySave(delayMs), delayMs);
    // A bot that is otherwise done may exit: stop() makes the last try.
    timer.unref();
    this.retry = { timer, delayMs };
  }

  private async retrySave(delayMs: number): Promise<void> {
    this.retry = undefined;
    const tokens = this.unsaved;
    if (!tokens) return;
    try {
      const stored = await this.store(tokens);
      if (this.unsaved === tokens) this.unsaved = undefined;
      if (stored) return; // another instance's newer pair: the client takes it at its next refusal
      this.logger.warn('Zalo: the renewed tokens are stored in the API now');
    } catch (error) {
      if (this.unsaved !== tokens) return;
      if (!isTransient(error)) {
        this.unsaved = undefined;
        this.logger.error(`Zalo: the API refused the renewed tokens: ${errorMessage(error)}`);
        return;
      }
      this.schedule(Math.min(delayMs * 2, MAX_SAVE_RETRY_MS));
    }
  }

  private cancelRetry(): void {
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = undefined;
  }

  /** Stores `tokens` against the revision they descend from; see save(). */
  private async store(tokens: ZaloTokens): Promise<ZaloTokens | undefined> {
    // Unknown only if the API was down at start. A pair Zalo has just issued is the newest
    // there is, so it may replace whatever is stored now.
    const expectedRevision = this.revision ?? (await this.read())?.revision ?? 0;
    try {
      const saved = await this.api.saveChannelTokens(CHANNEL, toRequest(tokens, expectedRevision));
      this.revision = saved.revision;
      return undefined;
    } catch (error) {
      if (!isApiError(error) || error.status !== 409) throw error;
    }
    const stored = await this.read();
    if (!stored) throw new Error('the API refused the save as stale but has no tokens stored');
    this.revision = stored.revision;
    this.logger.warn(
      `Zalo: another bot instance stored renewed tokens first; carrying on with those (revision ${stored.revision})`,
    );
    return stored.tokens;
  }

  /**
   * After a failed renewal: the pair another instance stored since ours, if any. Never throws;
   * undefined means there is nothing newer than what failed.
   */
  async reload(): Promise<ZaloTokens | undefined> {
    const tries = this.options.reloadTries ?? DEFAULT_RELOAD_TRIES;
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (attempt > 1) await sleep(this.options.reloadDelayMs ?? DEFAULT_RELOAD_DELAY_MS);
      let stored: StoredPair | undefined;
      try {
        stored = await this.read();
      } catch (error) {
        this.logger.warn(`Zalo: could not read the stored tokens: ${errorMessage(error)}`);
        return undefined;
      }
      if (stored && stored.revision > (this.revision ?? 0)) {
        this.revision = stored.revision;
        this.logger.warn(
          `Zalo: another bot instance renewed the tokens; carrying on with its pair (revision ${stored.revision})`,
        );
        return stored.tokens;
      }
    }
    return undefined;
  }

  /** The stored pair, or undefined when none is stored (404). */
  private async read(): Promise<StoredPair | undefined> {
    try {
      const stored = await this.api.getChannelTokens(CHANNEL);
      return { tokens: fromStored(stored), revision: stored.revision };
    } catch (error) {
      if (isApiError(error) && error.status === 404) return undefined;
      throw error;
    }
  }
}

function fromStored(stored: ChannelTokensResponse): ZaloTokens {
  return {
    accessToken: stored.accessToken,
    refreshToken: stored.refreshToken ?? undefined,
    expiresAt: stored.accessExpiresAt ? Date.parse(stored.accessExpiresAt) : undefined,
  };
}

function toRequest(tokens: ZaloTokens, expectedRevision: number): SaveChannelTokensRequest {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    accessExpiresAt:
      tokens.expiresAt === undefined ? null : new Date(tokens.expiresAt).toISOString(),
    expectedRevision,
  };
}
