import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/messaging.module';
import { PlanService } from './plan.service';
import { PlansController, TaskUpdatesController, TasksController } from './plan.controller';
import { TaskUpdateFilesService } from './task-update-files.service';
import { TaskUpdatesService } from './task-updates.service';

@Module({
  imports: [MessagingModule],
  controllers: [PlansController, TasksController, TaskUpdatesController],
  providers: [PlanService, TaskUpdatesService, TaskUpdateFilesService],
  exports: [PlanService, TaskUpdatesService, TaskUpdateFilesService],
})
export class PlanModule {}
