import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GlossaryEntry, SynonymEntry } from '@gcm/domain';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { definedOnly } from '../../common/utils/defined-only';
import { AuditService } from '../audit/audit.service';
import { GlossaryTermEntity, SynonymEntity } from './dictionary.entities';
import {
  CreateGlossaryTermDto,
  CreateSynonymDto,
  UpdateGlossaryTermDto,
  UpdateSynonymDto,
} from './dto/dictionary.dto';
import { KnowledgeErrors } from './knowledge.errors';
import { bumpDictionaryRevision } from './knowledge-revision';

/** The synonym dictionary and the bilingual glossary that editors extend. */
/** The dictionary's two kinds of entry, as the audit log names them. */
type DictionaryEntity = 'synonym' | 'glossary';

@Injectable()
export class DictionaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  listSynonyms(): Promise<SynonymEntity[]> {
    return this.dataSource.getRepository(SynonymEntity).find({ order: { term: 'ASC' } });
  }

  listGlossary(): Promise<GlossaryTermEntity[]> {
    return this.dataSource.getRepository(GlossaryTermEntity).find({ order: { createdAt: 'ASC' } });
  }

  /** Both lists as the matcher takes them. */
  async forMatcher(): Promise<{ synonyms: SynonymEntry[]; glossary: GlossaryEntry[] }> {
    const [synonyms, glossary] = await Promise.all([this.listSynonyms(), this.listGlossary()]);
    return {
      synonyms: synonyms.map(({ term, expansions, mutual, broader }) => ({
        term,
        expansions,
        mutual,
        broader,
      })),
      glossary: glossary.map(({ en, vi }) => ({ en, vi })),
    };
  }

  createSynonym(actor: Actor, dto: CreateSynonymDto): Promise<SynonymEntity> {
    return this.change(actor, 'synonym.create', async (manager) => {
      checkSaysSomething(dto.expansions, dto.broader);
      await this.checkTermFree(manager, dto.term);
      const entry = manager.create(SynonymEntity, {
        ...dto,
        mutual: dto.mutual ?? false,
        broader: dto.broader ?? [],
      });
      return [null, await manager.save(entry)];
    });
  }

  updateSynonym(actor: Actor, id: string, dto: UpdateSynonymDto): Promise<SynonymEntity> {
    return this.change(actor, 'synonym.update', async (manager) => {
      const entry = await this.find(manager, SynonymEntity, id);
      if (dto.term && dto.term.toLowerCase() !== entry.term.toLowerCase())
        await this.checkTermFree(manager, dto.term);
      const before = { ...entry };
      Object.assign(entry, definedOnly(dto));
      checkSaysSomething(entry.expansions, entry.broader);
      return [before, await manager.save(entry)];
    });
  }

  createGlossaryTerm(actor: Actor, dto: CreateGlossaryTermDto): Promise<GlossaryTermEntity> {
    return this.change(actor, 'glossary.create', async (manager) => [
      null,
      await manager.save(manager.create(GlossaryTermEntity, dto)),
    ]);
  }

  updateGlossaryTerm(
    actor: Actor,
    id: string,
    dto: UpdateGlossaryTermDto,
  ): Promise<GlossaryTermEntity> {
    return this.change(actor, 'glossary.update', async (manager) => {
      const entry = await this.find(manager, GlossaryTermEntity, id);
      const before = { ...entry };
      return [before, await manager.save(Object.assign(entry, definedOnly(dto)))];
    });
  }

  async remove(actor: Actor, kind: 'synonym' | 'glossary', id: string): Promise<void> {
    const target = kind === 'synonym' ? SynonymEntity : GlossaryTermEntity;
    await this.change(actor, `${kind}.delete`, async (manager) => {
      const entry = await this.find<ObjectLiteral>(manager, target, id);
      await manager.delete(target, id);
      return [entry, { id }];
    });
  }

  /**
   * Loads the starter dictionary once in the life of a database (the flag is taken under the
   * row lock, so two instances starting together cannot both load it); what editors later
   * delete stays deleted.
   */
  async seedOnce(
    synonyms: readonly SynonymEntry[],
    glossary: readonly GlossaryEntry[],
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query(
        `WITH seeded AS (UPDATE knowledge_state SET dictionary_seeded = true WHERE id = 1 AND NOT dictionary_seeded RETURNING id)
         SELECT count(*)::int AS n FROM seeded`,
      );
      if (taken.n === 0) return false;
      await manager.insert(
        SynonymEntity,
        synonyms.map(({ term, expansions, mutual, broader }) => ({
          term,
          expansions,
          mutual: mutual ?? false,
          broader: broader ?? [],
        })),
      );
      await manager.insert(
        GlossaryTermEntity,
        glossary.map(({ en, vi }) => ({ en, vi })),
      );
      await bumpDictionaryRevision(manager);
      return true;
    });
  }

  /** Runs a dictionary write with its audit entry and the revision bump, in one transaction. */
  private change<T extends { id: string }>(
    actor: Actor,
    action: `${DictionaryEntity}.${'create' | 'update' | 'delete'}`,
    write: (manager: EntityManager) => Promise<[unknown, T]>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [before, after] = await write(manager);
      await bumpDictionaryRevision(manager);
      await this.audit.record(manager, actor, {
        action,
        entityType: action.split('.')[0] as DictionaryEntity,
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
  }

  private async find<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
    id: string,
  ): Promise<T> {
    const entry = await manager.findOne(target, { where: { id } as never });
    if (!entry) throw KnowledgeErrors.dictionaryEntryNotFound();
    return entry;
  }

  private async checkTermFree(manager: EntityManager, term: string): Promise<void> {
    const taken = await manager
      .createQueryBuilder(SynonymEntity, 's')
      .where('lower(s.term) = lower(:term)', { term })
      .getExists();
    if (taken) throw KnowledgeErrors.synonymTaken(term);
  }
}

/** A synonym entry must give the term at least one expansion or broader term. */
function checkSaysSomething(expansions: string[] | undefined, broader: string[] | undefined): void {
  if (!expansions?.length && !broader?.length) {
    throw AppError.validation(
      [{ field: 'expansions', message: 'give at least one expansion or broader term' }],
      'A synonym needs at least one expansion or broader term.',
    );
  }
}
