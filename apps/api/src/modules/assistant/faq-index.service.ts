import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  createMatcher,
  FaqEntry,
  FaqMatcher,
  MatchRequestOptions,
  MatchResult,
  tokenise,
} from '@gcm/domain';
import { DataSource, MoreThan } from 'typeorm';
import { DictionaryService } from '../knowledge/dictionary.service';
import { FaqEntity } from '../knowledge/faq.entity';

/** What an answer needs of a published FAQ, in both languages. */
export interface IndexedFaq {
  id: string;
  question: string;
  answer: string;
  topic: string;
  questionEn: string | null;
  answerEn: string | null;
  topicEn: string | null;
}

interface Revisions {
  faq: string;
  dictionary: string;
  dispute: string;
}

/** How long a 👎 keeps its question from being answered directly with the same FAQ. */
const DISPUTE_DAYS = 180;

/**
 * The verdicts that may dispute an answer: 👍/👎 given on a question answered directly, after
 * the FAQ last changed (an edited answer starts afresh), in the last 180 days, oldest first.
 */
const VERDICTS = `SELECT f.faq_id, q.normalised, f.useful
    FROM answer_feedback f
    JOIN question_log q ON q.id = f.question_log_id
    JOIN faqs ON faqs.id = f.faq_id AND faqs.updated_at < f.created_at
    WHERE f.created_at > now() - make_interval(days => ${DISPUTE_DAYS})
    ORDER BY f.created_at`;

/**
 * What makes two questions "the same question" for a dispute: their words without diacritics,
 * case or punctuation ("Làm hộ chiếu ở đâu?" and "lam ho chieu o dau").
 */
export function disputeKey(faqId: string, question: string): string {
  return `${faqId} ${tokenise(question)
    .map((t) => t.folded)
    .join(' ')}`;
}

/**
 * The in-memory question matcher over the published FAQs. Before each question it reads
 * knowledge_state's revisions (one indexed row) and loads only what changed since, so a change
 * made on any API instance answers at once on every instance. It also knows which answers people
 * disputed with a 👎 for which question (dispute_revision), so that those are offered as a
 * choice instead of being given again.
 */
@Injectable()
export class FaqIndexService {
  private readonly logger = new Logger('FaqIndex');
  private matcher: FaqMatcher | null = null;
  private readonly faqs = new Map<string, IndexedFaq>();
  private seen: Revisions = { faq: '-1', dictionary: '-1', dispute: '-1' };
  /** disputeKey() of the answers whose latest verdict for that question is 👎. */
  private disputed = new Set<string>();
  private syncing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dictionary: DictionaryService,
  ) {}

  /** Matches against the index as it stands; call sync() first (outside any transaction). */
  matchCurrent(text: string, options: MatchRequestOptions): MatchResult {
    if (!this.matcher) throw new Error('FaqIndexService.matchCurrent called before sync()');
    return this.matcher.match(text, options);
  }

  /** A published FAQ by id, as last synced. */
  faq(id: string): IndexedFaq | undefined {
    return this.faqs.get(id);
  }

  /** Whether people marked `faqId` 👎 as the direct answer to this question. */
  isDisputed(faqId: string, question: string): boolean {
    return this.disputed.size > 0 && this.disputed.has(disputeKey(faqId, question));
  }

  /** Brings the index up to date; concurrent callers share one sync. */
  sync(): Promise<void> {
    this.syncing ??= this.load().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async load(): Promise<void> {
    const [state] = await this.dataSource.query(
      `SELECT faq_revision, dictionary_revision, dispute_revision FROM knowledge_state WHERE id = 1`,
    );
    const current: Revisions = {
      faq: String(state.faq_revision),
      dictionary: String(state.dictionary_revision),
      dispute: String(state.dispute_revision),
    };
    const started = Date.now();
    if (!this.matcher || current.dictionary !== this.seen.dictionary) {
      const dictionaries = await this.dictionary.forMatcher();
      if (this.matcher) this.matcher.setDictionaries(dictionaries);
      else this.matcher = createMatcher({ faqs: [], ...dictionaries });
    }
    if (current.faq !== this.seen.faq) {
      const changed = await this.dataSource.getRepository(FaqEntity).find({
        where:
          this.seen.faq === '-1' ? { status: 'published' } : { revision: MoreThan(this.seen.faq) },
        relations: { topic: true },
      });
      for (const faq of changed) this.apply(faq);
      if (changed.length)
        this.logger.log(`Index updated: ${changed.length} FAQ(s) in ${Date.now() - started} ms`);
    }
    // An edited FAQ drops its disputes, so FAQ changes reload them too.
    if (current.dispute !== this.seen.dispute || current.faq !== this.seen.faq) {
      const verdicts: { faq_id: string; normalised: string; useful: boolean }[] =
        await this.dataSource.query(VERDICTS);
      const latest = new Map(verdicts.map((v) => [disputeKey(v.faq_id, v.normalised), v.useful]));
      this.disputed = new Set([...latest].filter(([, useful]) => !useful).map(([key]) => key));
    }
    this.seen = current;
  }

  private apply(faq: FaqEntity): void {
    if (faq.status !== 'published') {
      this.matcher!.remove(faq.id);
      this.faqs.delete(faq.id);
      return;
    }
    this.matcher!.upsert(toEntry(faq));
    this.faqs.set(faq.id, {
      id: faq.id,
      question: faq.question,
      answer: faq.answer,
      topic: faq.topic?.name ?? '',
      questionEn: faq.questionEn,
      answerEn: faq.answerEn,
      topicEn: faq.topic?.nameEn ?? null,
    });
  }
}

function toEntry(faq: FaqEntity): FaqEntry {
  return {
    id: faq.id,
    question: faq.question,
    alternates: faq.alternates,
    answer: faq.answer,
    topic: faq.topic?.name,
    tags: faq.tags,
    questionEn: faq.questionEn ?? undefined,
    answerEn: faq.answerEn ?? undefined,
    alternatesEn: faq.alternatesEn,
  };
}
