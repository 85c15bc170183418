import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createMatcher, FaqEntry, FaqMatcher, MatchRequestOptions, MatchResult } from '@gcm/domain';
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
}

/**
 * The in-memory question matcher over the published FAQs. Before each question it reads
 * knowledge_state's two revisions (one indexed row) and loads only what changed since, so
 * a change made on any API instance answers at once on every instance.
 */
@Injectable()
export class FaqIndexService {
  private readonly logger = new Logger('FaqIndex');
  private matcher: FaqMatcher | null = null;
  private readonly faqs = new Map<string, IndexedFaq>();
  private seen: Revisions = { faq: '-1', dictionary: '-1' };
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

  /** Brings the index up to date; concurrent callers share one sync. */
  sync(): Promise<void> {
    this.syncing ??= this.load().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async load(): Promise<void> {
    const [state] = await this.dataSource.query(
      `SELECT faq_revision, dictionary_revision FROM knowledge_state WHERE id = 1`,
    );
    const current: Revisions = {
      faq: String(state.faq_revision),
      dictionary: String(state.dictionary_revision),
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
