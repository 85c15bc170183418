import { Module } from '@nestjs/common';
import { PlanService } from './plan.service';
import { PlansController, TaskUpdatesController, TasksController } from './plan.controller';
import { TaskUpdatesService } from './task-updates.service';

@Module({
  controllers: [PlansController, TasksController, TaskUpdatesController],
  providers: [PlanService, TaskUpdatesService],
  exports: [PlanService, TaskUpdatesService],
})
export class PlanModule {}
