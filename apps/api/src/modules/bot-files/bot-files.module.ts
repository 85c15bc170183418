import { Module } from '@nestjs/common';
import { PlanModule } from '../plan/plan.module';
import { TipsModule } from '../tips/tips.module';
import { BotFilesController } from './bot-files.controller';

/** Where bot instances fetch and upload the files people send (outbox `fetch_file`). */
@Module({
  imports: [TipsModule, PlanModule],
  controllers: [BotFilesController],
})
export class BotFilesModule {}
