import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateGlossaryTermRequest,
  CreateSynonymRequest,
  GlossaryTermResponse,
  SynonymResponse,
} from '@gcm/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Optional, PartialDto } from '../../../common/validation/optional';
import { CleanText, CleanTextList, OptionalTextList } from '../../../common/validation/transforms';
import { GlossaryTermEntity, SynonymEntity } from '../dictionary.entities';

export class CreateSynonymDto implements CreateSynonymRequest {
  @ApiProperty({ example: 'xkld' })
  @CleanText()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  term: string;

  @ApiProperty({ type: [String], example: ['xuất khẩu lao động'] })
  @CleanTextList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  expansions: string[];

  @ApiPropertyOptional({ description: 'true: all phrases mean the same (not only the term)' })
  @Optional()
  @IsBoolean()
  mutual?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['nước ngoài'],
    description: 'Wider terms a mention also counts as',
  })
  @OptionalTextList(20, 120)
  broader?: string[];
}

export class UpdateSynonymDto extends PartialDto(CreateSynonymDto) {}

export class CreateGlossaryTermDto implements CreateGlossaryTermRequest {
  @ApiProperty({ type: [String], example: ['passport'] })
  @CleanTextList()
  @IsArray()
  @ArrayMinSize(1, { message: 'en must list at least one English phrase' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  en: string[];

  @ApiProperty({ type: [String], example: ['hộ chiếu'] })
  @CleanTextList()
  @IsArray()
  @ArrayMinSize(1, { message: 'vi must list at least one Vietnamese phrase' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  vi: string[];
}

export class UpdateGlossaryTermDto extends PartialDto(CreateGlossaryTermDto) {}

export const toSynonymResponse = (s: SynonymEntity): SynonymResponse => ({
  id: s.id,
  term: s.term,
  expansions: s.expansions,
  mutual: s.mutual,
  broader: s.broader,
});

export const toGlossaryTermResponse = (g: GlossaryTermEntity): GlossaryTermResponse => ({
  id: g.id,
  en: g.en,
  vi: g.vi,
});
