import { Module } from '@nestjs/common';
import { LinkCodesService } from './link-codes.service';
import { LinkedAccountsController } from './linked-accounts.controller';
import { LinkedAccountsService } from './linked-accounts.service';

/** Link codes and the chat accounts linked with them (issue 11). */
@Module({
  controllers: [LinkedAccountsController],
  providers: [LinkCodesService, LinkedAccountsService],
  exports: [LinkCodesService, LinkedAccountsService],
})
export class LinkedAccountsModule {}
