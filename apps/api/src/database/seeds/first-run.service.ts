import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FaqImportRow, Role, STARTER_GLOSSARY, STARTER_SYNONYMS } from '@gcm/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { DictionaryService } from '../../modules/knowledge/dictionary.service';
import { seedEmergencyRoute } from '../../modules/knowledge/emergency-route';
import { FaqTransferService } from '../../modules/knowledge/faq-transfer.service';
import { FaqEntity } from '../../modules/knowledge/faq.entity';
import { UnitEntity } from '../../modules/units/unit.entity';
import { UsersService } from '../../modules/users/users.service';
import type { DatabaseMode } from '../data-source-options';
import { DATABASE_MODE } from '../database.tokens';
import starterFaqs from './data/starter-faqs.json';
import { loadDemoCompanies } from './demo-companies';
import { loadDemoContacts } from './demo-contacts';
import { loadDemoPlan } from './demo-plan';
import { loadDemoReporting } from './demo-reporting';
import { DEMO_UNITS } from './demo-units';

export interface FirstRunReport {
  /** Set when this start created the first administrator. */
  admin?: { email: string; oneTimePassword?: string };
  demoDataLoaded: boolean;
  /**
   * Set when this start loaded the starter FAQs: how many, and as what. Always marked for review;
   * published only with the demo data, drafts for staff to check and publish otherwise.
   */
  starterFaqs?: { count: number; status: 'published' | 'draft' };
  /** True when the database has no account and none could be created (server mode without ADMIN_*). */
  needsAdmin: boolean;
}

export const DEFAULT_ADMIN_EMAIL = 'admin@gcm.local';

/**
 * What a brand-new database gets at its first start: the starter synonym dictionary and
 * glossary (the matcher's configuration), the emergency route (a published warning staff edit),
 * the first administrator (from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or on the embedded default one with a one-time password), the starter FAQs
 * (marked for review) and, unless DEMO_DATA=false, the demo data: the units of seed 002, its
 * plan with its tasks and a few progress updates, and its two report templates with a few
 * reports of the current periods in different states, a sample support directory and a sample list of licensed companies.
 *
 * Nobody has reviewed the starter FAQs on a new installation, so citizens must not read them
 * before staff do: they load as drafts that staff publish once checked. Only the demo, which is
 * there to be tried, publishes them at once (still marked for review).
 */
@Injectable()
export class FirstRunService {
  private readonly logger = new Logger('FirstRun');

  constructor(
    @InjectEnv() private readonly env: Env,
    @Inject(DATABASE_MODE) private readonly mode: DatabaseMode,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly dictionary: DictionaryService,
    private readonly faqTransfer: FaqTransferService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<FirstRunReport> {
    await this.dictionary.seedOnce(STARTER_SYNONYMS, STARTER_GLOSSARY);
    if (await seedEmergencyRoute(this.dataSource.manager)) {
      this.logger.log(
        'The emergency route (a published warning: 113, the foreign ministry’s citizen-protection hotline, the missions abroad) was created: check it in the console under Kho kiến thức › Bài viết',
      );
    }
    if ((await this.users.countAll()) > 0) return { demoDataLoaded: false, needsAdmin: false };
    const demo = this.env.DEMO_DATA ?? this.mode === 'embedded';
    const demoDataLoaded = demo && (await this.loadDemoData());
    const starterFaqs = await this.loadStarterFaqs(demo ? 'published' : 'draft');
    const content = { demoDataLoaded, ...(starterFaqs ? { starterFaqs } : {}) };
    if (this.env.ADMIN_EMAIL && this.env.ADMIN_PASSWORD) {
      await this.createAdmin(this.env.ADMIN_EMAIL, this.env.ADMIN_PASSWORD);
      return { admin: { email: this.env.ADMIN_EMAIL }, ...content, needsAdmin: false };
    }
    if (this.mode === 'embedded') {
      const oneTimePassword = await this.createAdmin(DEFAULT_ADMIN_EMAIL);
      return {
        admin: { email: DEFAULT_ADMIN_EMAIL, oneTimePassword },
        ...content,
        needsAdmin: false,
      };
    }
    return { ...content, needsAdmin: true };
  }

  /** Creates an administrator; without a password, returns the one-time password generated. */
  async createAdmin(email: string, password?: string): Promise<string | undefined> {
    const { temporaryPassword } = await this.users.create(null, {
      email: email.toLowerCase(),
      fullName: 'Quản trị hệ thống',
      role: Role.Admin,
      password,
    });
    this.logger.log(`Administrator ${email} created`);
    return temporaryPassword;
  }

  private async loadDemoData(): Promise<boolean> {
    if ((await this.dataSource.getRepository(UnitEntity).count({ withDeleted: true })) > 0)
      return false;
    const plan = await this.dataSource.transaction(async (manager) => {
      const ids = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const saved = await manager.save(
          manager.create(UnitEntity, {
            code: unit.code,
            name: unit.name,
            kind: unit.kind,
            parentId: unit.parentCode ? ids.get(unit.parentCode)! : null,
          }),
        );
        ids.set(unit.code, saved.id);
      }
      const plan = await loadDemoPlan(manager, ids);
      const reporting = await loadDemoReporting(manager, ids, this.clock.now());
      const contacts = await loadDemoContacts(manager, ids);
      const companies = await loadDemoCompanies(manager);
      return { ...plan, reports: reporting.submissions, contacts, companies };
    });
    this.logger.log(
      `Demo data loaded: ${DEMO_UNITS.length} units, the city plan with ${plan.tasks} tasks and ${plan.updates} progress updates, the two report templates with ${plan.reports} reports of their current periods, ${plan.contacts} support contacts (sample data but 113) and a sample list of ${plan.companies} licensed companies`,
    );
    return true;
  }

  /** The starter FAQs, marked for review, into a knowledge base that has never had a FAQ. */
  private async loadStarterFaqs(
    status: 'published' | 'draft',
  ): Promise<FirstRunReport['starterFaqs']> {
    if ((await this.dataSource.getRepository(FaqEntity).count()) > 0) return undefined;
    const rows: FaqImportRow[] = (starterFaqs as FaqImportRow[]).map((faq) => ({
      ...faq,
      status,
      needsReview: true,
    }));
    const report = await this.faqTransfer.import(null, 'json', rows, { allOrNothing: true });
    this.logger.log(
      status === 'published'
        ? `${report.created} starter FAQs published for the demo, marked for review`
        : `${report.created} starter FAQs loaded as drafts, marked for review: check them and publish them in the console`,
    );
    return { count: report.created, status };
  }
}
