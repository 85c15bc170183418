import { Module } from '@nestjs/common';
import { ReminderJob } from './reminder-job';
import { RemindersService } from './reminders.service';
import { ReportExportsService } from './report-exports.service';
import { ReportPeriodsService } from './report-periods.service';
import { ReportSubmissionsService } from './report-submissions.service';
import { ReportTemplatesService } from './report-templates.service';
import { ReportTrackingController } from './report-tracking.controller';
import { ReportTrackingService } from './report-tracking.service';
import {
  ReminderScheduleController,
  ReportSubmissionsController,
  ReportTemplatesController,
} from './reporting.controller';
import { SubmissionQueriesService } from './submission-queries.service';
import { SubmissionReviewService } from './submission-review.service';
import { SubmissionStore } from './submission-store';

/**
 * The reporting cycle (issue 11): templates and their versions, periods, submissions and their
 * review, reminders. The bot's dialogs use the exported services directly.
 */
@Module({
  controllers: [
    ReportTemplatesController,
    ReportSubmissionsController,
    ReminderScheduleController,
    ReportTrackingController,
  ],
  providers: [
    SubmissionStore,
    ReportTemplatesService,
    ReportPeriodsService,
    ReportSubmissionsService,
    SubmissionQueriesService,
    SubmissionReviewService,
    RemindersService,
    ReminderJob,
    ReportTrackingService,
    ReportExportsService,
  ],
  exports: [
    ReportTemplatesService,
    ReportSubmissionsService,
    SubmissionQueriesService,
    SubmissionReviewService,
    RemindersService,
  ],
})
export class ReportingModule {}
