import { Module } from '@nestjs/common';
import { ContactImportService } from './contact-import.service';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

@Module({
  controllers: [DirectoryController],
  providers: [DirectoryService, ContactImportService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
