import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@gcm/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { FaqEntity } from '../knowledge/faq.entity';
import { FaqsService } from '../knowledge/faqs.service';
import { KnowledgeErrors } from '../knowledge/knowledge.errors';
import { AlternateProposalEntity } from './alternate-proposal.entity';
import type { ProposalListQueryDto } from './dto/assistant.dto';

/**
 * Alternates people propose by picking a FAQ among the choices offered for their question. An
 * editor accepts one (it becomes the FAQ's alternate, a new FAQ version, matched at once) or
 * rejects it.
 */
@Injectable()
export class AlternateProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly faqs: FaqsService,
  ) {}

  async list(
    query: ProposalListQueryDto,
  ): Promise<[(AlternateProposalEntity & { faqQuestion: string })[], number]> {
    const [items, total] = await this.dataSource
      .getRepository(AlternateProposalEntity)
      .findAndCount({
        where: { status: query.status ?? 'proposed' },
        order: { createdAt: 'DESC' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      });
    const ids = [...new Set(items.map((p) => p.faqId))];
    const faqs = ids.length
      ? await this.dataSource.getRepository(FaqEntity).find({
          where: ids.map((id) => ({ id })),
          select: { id: true, question: true },
        })
      : [];
    const question = new Map(faqs.map((f) => [f.id, f.question]));
    return [items.map((p) => ({ ...p, faqQuestion: question.get(p.faqId) ?? '' })), total];
  }

  /** Accepted: the text becomes one of the FAQ's alternates (unless it already is one). */
  decide(actor: Actor, id: string, accept: boolean): Promise<AlternateProposalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await manager.findOne(AlternateProposalEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal) throw new AppError(ErrorCode.NotFound, 404, 'No such proposal.');
      if (proposal.status !== 'proposed') return proposal;
      if (accept) {
        const faq = await manager.findOne(FaqEntity, {
          where: { id: proposal.faqId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!faq) throw KnowledgeErrors.faqNotFound();
        const known = faq.alternates.some(
          (a) => a.trim().toLowerCase() === proposal.text.trim().toLowerCase(),
        );
        if (!known) {
          await this.faqs.write(
            manager,
            actor,
            { alternates: [...faq.alternates, proposal.text] },
            faq,
          );
        }
      }
      proposal.status = accept ? 'accepted' : 'rejected';
      proposal.decidedBy = actor.user.id;
      proposal.decidedAt = new Date();
      return manager.save(proposal);
    });
  }
}
