import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  currentPeriod,
  editEffectiveFrom,
  nextPeriod,
  periodByKey,
  ReportingPeriod,
  ReportTemplateDefinition,
  ReportTemplateInput,
  ReportTemplatePreviewResponse,
  ReportTemplateResponse,
  ReportTemplateSummaryResponse,
  ReportTemplateVersionResponse,
  selectTemplateVersion,
  validateTemplate,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditActor, AuditService } from '../audit/audit.service';
import { ReportTemplateEntity, ReportTemplateVersionEntity } from './report-template.entity';
import { ReportingErrors } from './reporting.errors';
import { previewTemplate } from './template-preview';

/** A template version with the period it is asked for. */
export interface ResolvedPeriod {
  version: ReportTemplateVersionEntity;
  period: ReportingPeriod;
}

/**
 * Report templates as data, each edit a new version (issue 11, "Templates and periods"). A new
 * template applies from the period units report on now (or the one given); an edit applies from
 * the next period not yet begun (`editEffectiveFrom`), so no report already started changes; a
 * submission keeps the version it was opened with.
 */
@Injectable()
export class ReportTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ReportTemplateSummaryResponse[]> {
    const templates = await this.dataSource.manager.find(ReportTemplateEntity, {
      order: { code: 'ASC' },
    });
    const latest = await this.latestVersions(templates.map((t) => t.id));
    return templates.map((t) => toSummary(t, latest.get(t.id)!));
  }

  async get(id: string): Promise<ReportTemplateResponse> {
    const template = await this.dataSource.manager.findOne(ReportTemplateEntity, {
      where: { id },
    });
    if (!template) throw ReportingErrors.templateNotFound();
    const versions = await this.versions(this.dataSource.manager, id);
    const latest = versions[versions.length - 1];
    return {
      ...toSummary(template, latest),
      definition: latest.definition,
      effectiveFrom: latest.effectiveFrom,
      versions: versions.map((v) => ({
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  async getVersion(id: string, version: number): Promise<ReportTemplateVersionResponse> {
    const found = await this.dataSource.manager.findOne(ReportTemplateVersionEntity, {
      where: { templateId: id, version },
    });
    if (!found) throw ReportingErrors.templateNotFound();
    return toVersionResponse(found);
  }

  /** The saved version's fields as the bot asks them (the latest when `version` is left out). */
  async preview(id: string, version?: number): Promise<ReportTemplatePreviewResponse> {
    const found = version
      ? await this.getVersion(id, version)
      : await this.get(id).then((t) => ({ definition: t.definition, version: t.latestVersion }));
    return previewTemplate(found.definition, found.version);
  }

  /** An unsaved definition as the bot would ask it (400 with its problems when invalid). */
  previewDraft(definition: ReportTemplateInput): ReportTemplatePreviewResponse {
    const checked = checkDefinition(definition, 1);
    return previewTemplate(checked, null);
  }

  async create(
    actor: AuditActor,
    input: ReportTemplateInput,
    effectiveFrom?: string,
  ): Promise<ReportTemplateResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const definition = checkDefinition(input, 1);
      const from = effectiveFrom ?? this.defaultEffectiveFrom(definition);
      if (!periodByKey(definition.schedule, from))
        throw ReportingErrors.invalid([
          { field: 'effectiveFrom', message: `is not a period of the template's schedule` },
        ]);
      const taken = await manager.exists(ReportTemplateEntity, {
        where: { code: definition.code },
      });
      if (taken) throw ReportingErrors.templateCodeTaken(definition.code);
      const [template]: { id: string }[] = await manager.query(
        `INSERT INTO report_templates (code) VALUES ($1)
         ON CONFLICT ON CONSTRAINT report_templates_code_key DO NOTHING RETURNING id`,
        [definition.code],
      );
      if (!template) throw ReportingErrors.templateCodeTaken(definition.code);
      await this.insertVersion(manager, actor, template.id, definition, from);
      await this.audit.record(manager, actor, {
        action: 'report_template.create',
        entityType: 'report_template',
        entityId: template.id,
        after: { effectiveFrom: from, definition },
      });
      return template.id;
    });
    return this.get(id);
  }

  /** Saves a new version, applying from the first period not yet begun. */
  async update(
    actor: AuditActor,
    id: string,
    input: ReportTemplateInput,
  ): Promise<ReportTemplateResponse> {
    await this.dataSource.transaction(async (manager) => {
      const template = await manager.findOne(ReportTemplateEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!template) throw ReportingErrors.templateNotFound();
      if (input?.code !== template.code)
        throw ReportingErrors.invalid([
          {
            field: 'definition.code',
            message: `must stay ${template.code}: a template's code never changes`,
          },
        ]);
      const version = template.latestVersion + 1;
      const definition = checkDefinition(input, version);
      const from = editEffectiveFrom(definition.schedule, this.clock.now());
      if (!from)
        throw ReportingErrors.notOwed(
          'A one-off template whose period has begun cannot change: create a new template instead.',
        );
      const previous = await manager.findOneOrFail(ReportTemplateVersionEntity, {
        where: { templateId: id, version: template.latestVersion },
      });
      await this.insertVersion(manager, actor, id, definition, from);
      await manager.update(ReportTemplateEntity, { id }, { latestVersion: version });
      await this.audit.record(manager, actor, {
        action: 'report_template.update',
        entityType: 'report_template',
        entityId: id,
        before: { version: previous.version, definition: previous.definition },
        after: { version, effectiveFrom: from, definition },
      });
    });
    return this.get(id);
  }

  /** Every version of a template, oldest first. */
  versions(manager: EntityManager, templateId: string): Promise<ReportTemplateVersionEntity[]> {
    return manager.find(ReportTemplateVersionEntity, {
      where: { templateId },
      order: { version: 'ASC' },
    });
  }

  /**
   * The version that applies to `periodKey` and the period under its schedule; null when the
   * key is no period of it or no version applies yet.
   */
  resolve(versions: ReportTemplateVersionEntity[], periodKey: string): ResolvedPeriod | null {
    const version = selectTemplateVersion(versions, periodKey);
    const period = version && periodByKey(version.definition.schedule, periodKey);
    return version && period ? { version, period } : null;
  }

  /** The period units report on at `now`, with its version (null before the first applies). */
  current(versions: ReportTemplateVersionEntity[], now: Date): ResolvedPeriod | null {
    const latest = versions[versions.length - 1];
    const period = latest && currentPeriod(latest.definition.schedule, now);
    return period ? this.resolve(versions, period.key) : null;
  }

  private defaultEffectiveFrom(definition: ReportTemplateDefinition): string {
    const now = this.clock.now();
    const period = currentPeriod(definition.schedule, now) ?? nextPeriod(definition.schedule, now);
    return period!.key;
  }

  private async insertVersion(
    manager: EntityManager,
    actor: AuditActor,
    templateId: string,
    definition: ReportTemplateDefinition,
    effectiveFrom: string,
  ): Promise<void> {
    await manager.insert(ReportTemplateVersionEntity, {
      templateId,
      version: definition.version,
      effectiveFrom,
      definition,
      createdBy: actor.user.id,
    });
  }

  private async latestVersions(ids: string[]): Promise<Map<string, ReportTemplateVersionEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(ReportTemplateVersionEntity, 'v')
      .innerJoin(ReportTemplateEntity, 't', 't.id = v.template_id AND t.latest_version = v.version')
      .where('v.template_id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((v) => [v.templateId, v]));
  }
}

/** The definition with its version number, or 400 listing its problems under `definition.`. */
function checkDefinition(input: ReportTemplateInput, version: number): ReportTemplateDefinition {
  const candidate: unknown = JSON.parse(JSON.stringify({ ...input, version }));
  const problems = validateTemplate(candidate);
  if (problems.length > 0) throw ReportingErrors.invalidTemplate(problems);
  return candidate as ReportTemplateDefinition;
}

function toSummary(
  template: ReportTemplateEntity,
  latest: ReportTemplateVersionEntity,
): ReportTemplateSummaryResponse {
  return {
    id: template.id,
    code: template.code,
    title: latest.definition.title,
    owedBy: latest.definition.owedBy,
    schedule: latest.definition.schedule,
    latestVersion: template.latestVersion,
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}

function toVersionResponse(version: ReportTemplateVersionEntity): ReportTemplateVersionResponse {
  return {
    templateId: version.templateId,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    createdAt: version.createdAt.toISOString(),
    definition: version.definition,
  };
}
